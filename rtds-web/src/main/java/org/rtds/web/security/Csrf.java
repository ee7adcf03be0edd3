package org.rtds.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens for the two forms outside Jakarta Faces, sign-in and sign-out (Faces' own forms carry
 * their server-side view state, which a forged request cannot know): a double-submit cookie. The
 * page puts {@link #getToken()} in a hidden field {@value #FIELD}; the same value lives in the
 * {@value #COOKIE} cookie (HttpOnly, SameSite=Strict), which another site can neither read nor make
 * the browser send; the authentication mechanism accepts the POST only when both agree.
 */
@Named("csrf")
@RequestScoped
public class Csrf {

  /** The hidden form field. */
  public static final String FIELD = "_csrf";

  /** The cookie. */
  public static final String COOKIE = "RTDS_CSRF";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject HttpServletRequest request;

  private String token;

  /** The token for this browser, setting the cookie when it has none yet. */
  public String getToken() {
    if (token == null) {
      token = fromCookie(request);
      if (token == null) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // used from Faces pages only: the response is the page's
        HttpServletResponse response =
            (HttpServletResponse)
                FacesContext.getCurrentInstance().getExternalContext().getResponse();
        response.addHeader(
            "Set-Cookie",
            COOKIE
                + "="
                + token
                + "; Path="
                + (request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                + "; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
      }
    }
    return token;
  }

  /**
   * @return whether a form POST carries the token of its browser's cookie
   */
  static boolean valid(HttpServletRequest request) {
    String cookie = fromCookie(request);
    String field = request.getParameter(FIELD);
    return cookie != null
        && field != null
        && MessageDigest.isEqual(
            cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
  }

  private static String fromCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName())
          && c.getValue() != null
          && c.getValue().matches("[\\w-]{43}")) {
        return c.getValue();
      }
    }
    return null;
  }
}
