package org.rtds.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds paging headers to every {@link PagedAnswer}: {@code Link} with {@code first}, {@code prev},
 * {@code next} and {@code last} (the request's own URI with another {@code page}, its other
 * parameters kept) and {@code X-Total-Count}.
 */
@Provider
@Priority(Priorities.USER + 200) // response filters run highest first: before EntityTags
public class PagingLinks implements ContainerResponseFilter {

  public static final String TOTAL_COUNT = "X-Total-Count";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() == 200 && response.getEntity() instanceof PagedAnswer paged) {
      UriBuilder uri = request.getUriInfo().getRequestUriBuilder();
      for (Link link : links(uri, paged)) {
        response.getHeaders().add("Link", link);
      }
      response.getHeaders().putSingle(TOTAL_COUNT, paged.total());
    }
  }

  /** The links of a page of a list at {@code uri}. */
  public static List<Link> links(UriBuilder uri, PagedAnswer paged) {
    long last = Math.max(1, (paged.total() + paged.size() - 1) / paged.size());
    List<Link> links = new ArrayList<>();
    links.add(link(uri, 1, "first"));
    if (paged.page() > 1) {
      links.add(link(uri, Math.min(paged.page() - 1, last), "prev"));
    }
    if (paged.page() < last) {
      links.add(link(uri, paged.page() + 1, "next"));
    }
    links.add(link(uri, last, "last"));
    return links;
  }

  private static Link link(UriBuilder uri, long page, String rel) {
    return Link.fromUri(uri.clone().replaceQueryParam("page", page).build()).rel(rel).build();
  }
}
