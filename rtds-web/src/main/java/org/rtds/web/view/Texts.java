package org.rtds.web.view;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The pages' texts: the bundle {@code msg} ({@code messages.properties}) in the view's language.
 */
public final class Texts {

  private Texts() {}

  /** The bundle of the current request's view. */
  public static ResourceBundle bundle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces.getApplication().getResourceBundle(faces, "msg");
  }

  /**
   * A text of the bundle.
   *
   * @param key a key of {@code messages.properties}
   * @param values its {@code {0}}, {@code {1}}, … ({@link MessageFormat}: an apostrophe in the
   *     pattern is written twice)
   */
  public static String text(String key, Object... values) {
    ResourceBundle bundle = bundle();
    return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(values);
  }
}
