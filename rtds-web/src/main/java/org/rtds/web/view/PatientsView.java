package org.rtds.web.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.rtds.ingest.boundary.PatientRecords;
import org.rtds.ingest.entity.PatientListing;
import org.rtds.ingest.entity.PatientOrder;
import org.rtds.ingest.entity.ResultPage;
import org.rtds.web.api.CallerAccount;

/**
 * The patients page: the caller's hospital's patients (every hospital's for superusers), searched
 * by any part of the name or Patient ID, sorted by any column, a page at a time. Reads through
 * {@link PatientRecords}, the boundary the API's {@code /patients} uses, so the page and the API
 * never disagree on who sees whom.
 */
@Named
@ViewScoped
public class PatientsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PatientRecords records;

  @Inject CallerAccount caller;

  private String q;

  private final Patients patients = new Patients();

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public LazyDataModel<PatientListing> getPatients() {
    return patients;
  }

  /** A new search text: back to the first page. */
  public void search() {
    if (FacesContext.getCurrentInstance().getViewRoot().findComponent("patients:table")
        instanceof DataTable table) {
      table.setFirst(0);
    }
  }

  public String name(String dicom) {
    return PersonNames.display(dicom);
  }

  /** The patients of one page, loaded when the table asks. */
  private final class Patients extends LazyDataModel<PatientListing> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, page(1, 1, PatientOrder.DEFAULT).total());
    }

    @Override
    public List<PatientListing> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      int size = Math.max(1, pageSize);
      ResultPage<PatientListing> page = page(first / size + 1, size, order(sortBy));
      setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
      return page.items();
    }

    @Override
    public String getRowKey(PatientListing patient) {
      return String.valueOf(patient.id());
    }

    private ResultPage<PatientListing> page(int page, int size, PatientOrder order) {
      return records.patients(q, order, page, size, caller.senders());
    }

    /** The table's sort column ({@code field}: a {@link PatientOrder.Key} parameter name). */
    private PatientOrder order(Map<String, SortMeta> sortBy) {
      for (SortMeta sort : sortBy.values()) {
        if (sort.getOrder() == SortOrder.UNSORTED) {
          continue;
        }
        for (PatientOrder.Key key : PatientOrder.Key.values()) {
          if (key.parameter().equals(sort.getField())) {
            return new PatientOrder(key, sort.getOrder() == SortOrder.DESCENDING);
          }
        }
      }
      return PatientOrder.DEFAULT;
    }
  }
}
