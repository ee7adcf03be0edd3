package org.rtds.web.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A browser as the container tests drive it: cookies kept, signing in through the form. */
final class FormLogin {

  private FormLogin() {}

  /** A browser with a cookie jar. */
  static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /**
   * The CSRF token of a page holding RTDS's sign-in or sign-out form (the browser keeps the cookie
   * that goes with it).
   */
  static String csrfToken(String page) {
    String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    if (token.length() > 100) {
      throw new AssertionError("no CSRF field in the page");
    }
    return token;
  }

  /** Opens the sign-in page and posts the form as a browser would; returns the POST's answer. */
  static HttpResponse<String> signIn(HttpClient browser, URI base, String user, String password)
      throws Exception {
    String page =
        browser
            .send(
                HttpRequest.newBuilder(base.resolve("login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return post(
        browser,
        base.resolve("login"),
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + csrfToken(page));
  }

  /** Posts the sign-out form of {@code page}. */
  static HttpResponse<String> signOut(HttpClient browser, URI base, String page) throws Exception {
    return post(browser, base.resolve("logout"), "_csrf=" + csrfToken(page));
  }

  static HttpResponse<String> post(HttpClient browser, URI target, String form) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(target)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
