package org.rtds.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.rtds.ingest.boundary.DatabaseOutages;
import org.rtds.security.boundary.Account;
import org.rtds.security.boundary.AccountAuthenticator;
import org.rtds.security.boundary.AccountAuthenticator.Login;
import org.rtds.web.api.DatabaseUnavailable;
import org.rtds.web.api.Problem;
import org.rtds.web.boot.RtdsConfig;

/**
 * The one authentication mechanism of the RTDS web module (Jakarta Security 3.0 cannot combine
 * built-in ones):
 *
 * <ul>
 *   <li>{@code /api/**} and {@code /dicomweb/**}: stateless, on every request HTTP Basic with an
 *       RTDS account or Bearer with an RTDS API token; a missing or wrong credential gets 401
 *       {@code application/problem+json} with a {@code WWW-Authenticate} challenge for each scheme
 *       (a refused token's names {@code error="invalid_token"}, RFC 6750);
 *   <li>pages: a login form posting to {@code /login}; the session then remembers the account name
 *       and the account is re-read on each request, so deactivating it ends its sessions; {@code
 *       /logout} ends the session.
 * </ul>
 *
 * Which URLs need an account is declared in {@code web.xml}; everything else there is public (login
 * page, styles).
 */
@ApplicationScoped
public class RtdsAuthenticationMechanism implements HttpAuthenticationMechanism {

  static final String SESSION_ACCOUNT = "rtds.account";

  /** The header with which RTDS's own pages read the API with their session: {@code page}. */
  public static final String PAGE_READ_HEADER = "X-RTDS-Session";

  /**
   * Request attribute holding the caller's {@link Account} as authenticated for this request (an
   * API token's account narrowed to its scope): read it through {@link #account}.
   */
  public static final String REQUEST_ACCOUNT = "rtds.requestAccount";

  static final String SESSION_TARGET = "rtds.loginTarget";
  static final String LOGIN_PAGE = "/login.xhtml";
  static final String LOGIN_ACTION = "/login";
  static final String LOGOUT_ACTION = "/logout";
  private static final String BASIC_CHALLENGE = "Basic realm=\"RTDS\", charset=\"UTF-8\"";

  private static final String BEARER_CHALLENGE = "Bearer realm=\"RTDS\"";

  @Inject AccountAuthenticator authenticator;

  @Inject RtdsConfig config;

  @Inject DatabaseOutages outages;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith("/api/") || path.startsWith("/dicomweb/");
    try {
      return api
          ? validateApiRequest(request, response, context)
          : validatePageRequest(path, request, context);
    } catch (RuntimeException e) {
      if (!outages.explains(e)) {
        throw e;
      }
      // accounts cannot be checked while the database is away: a transient 503, not a 500
      return unavailable(response, api);
    }
  }

  private AuthenticationStatus validateApiRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if ((authorization == null || authorization.isBlank()) && pageRead(request)) {
      HttpSession session = request.getSession(false);
      String username = session == null ? null : (String) session.getAttribute(SESSION_ACCOUNT);
      Optional<Account> account =
          username == null ? Optional.empty() : authenticator.findActive(username);
      if (account.isPresent()) {
        return accepted(request, context, account.get());
      }
    }
    if (authorization == null || authorization.isBlank()) {
      return context.isProtected()
          ? unauthorized(
              response,
              "authentication required: send HTTP Basic credentials of an RTDS account or"
                  + " Bearer with an RTDS API token")
          : context.doNothing();
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Login login =
          authenticator.token(
              authorization.substring(7).trim(), request.getRemoteAddr(), config.tokenRateLimit());
      if (login.throttled()) {
        return tooManyAttempts(response, login);
      }
      if (login.account().isEmpty()) {
        // RFC 6750 section 3.1: the token was presented and refused
        response.setHeader("WWW-Authenticate", BEARER_CHALLENGE + ", error=\"invalid_token\"");
        response.addHeader("WWW-Authenticate", BASIC_CHALLENGE);
        return refuse(response, new Problem(401, "Unauthorized", login.refusal()));
      }
      return accepted(request, context, login.account().get());
    }
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return unauthorized(
          response,
          "unsupported Authorization scheme '"
              + authorization.split(" ", 2)[0]
              + "': use HTTP Basic with an RTDS account or Bearer with an RTDS API token");
    }
    Credentials credentials = Credentials.fromBasic(authorization.substring(6).trim());
    if (credentials == null) {
      return unauthorized(
          response, "malformed HTTP Basic credentials: expected base64 of 'username:password'");
    }
    try {
      Login login =
          authenticator.login(credentials.username, credentials.password, request.getRemoteAddr());
      if (login.throttled()) {
        return tooManyAttempts(response, login);
      }
      if (login.account().isEmpty()) {
        return unauthorized(response, login.refusal());
      }
      return accepted(request, context, login.account().get());
    } finally {
      credentials.clear();
    }
  }

  /** Tells the container who the caller is and keeps the account for the request. */
  private static AuthenticationStatus accepted(
      HttpServletRequest request, HttpMessageContext context, Account account) {
    request.setAttribute(REQUEST_ACCOUNT, account);
    return context.notifyContainerAboutLogin(account.username(), account.roles());
  }

  private AuthenticationStatus validatePageRequest(
      String path, HttpServletRequest request, HttpMessageContext context) {
    if (LOGIN_ACTION.equals(path) && "POST".equals(request.getMethod())) {
      if (!Csrf.valid(request)) {
        // a forged or stale sign-in form: nothing is checked, the browser gets a fresh form
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?expired=true");
      }
      return formLogin(request, context);
    }
    if (LOGOUT_ACTION.equals(path)
        && !("POST".equals(request.getMethod()) && Csrf.valid(request))) {
      // signing out is a POST from RTDS's own page: a link elsewhere cannot end the session
      return context.redirect(request.getContextPath() + "/");
    }
    if (LOGOUT_ACTION.equals(path)) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        Object name = session.getAttribute(SESSION_ACCOUNT);
        if (name instanceof String username) {
          authenticator
              .findActive(username)
              .ifPresent(a -> authenticator.recordLogout(a, request.getRemoteAddr()));
        }
        session.invalidate();
      }
      return context.redirect(request.getContextPath() + LOGIN_PAGE + "?logout=true");
    }
    HttpSession session = request.getSession(false);
    String username = session == null ? null : (String) session.getAttribute(SESSION_ACCOUNT);
    if (username != null) {
      Optional<Account> account = authenticator.findActive(username);
      if (account.isPresent()) {
        return accepted(request, context, account.get());
      }
      session.invalidate();
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if ("GET".equals(request.getMethod())) {
      String target =
          request.getRequestURI()
              + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      request.getSession(true).setAttribute(SESSION_TARGET, target);
    }
    return context.redirect(request.getContextPath() + LOGIN_PAGE);
  }

  /**
   * The signed-in page's own read of the API (the study viewer's script): a GET or HEAD that
   * carries {@link #PAGE_READ_HEADER}. A page on another site cannot send that header without a
   * CORS preflight RTDS does not grant, so a session cookie alone never opens the API, and nothing
   * that changes data is ever done with one.
   */
  private static boolean pageRead(HttpServletRequest request) {
    return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
        && "page".equals(request.getHeader(PAGE_READ_HEADER));
  }

  private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
    String username = request.getParameter("username");
    String password = request.getParameter("password");
    Login login =
        password == null
            ? Login.refused("no password", false)
            : authenticator.login(username, password.toCharArray(), request.getRemoteAddr());
    if (login.account().isEmpty()) {
      return context.redirect(
          request.getContextPath()
              + LOGIN_PAGE
              + (login.throttled() ? "?locked=true" : "?error=true"));
    }
    Optional<Account> account = login.account();
    HttpSession previous = request.getSession(false);
    String target = previous == null ? null : (String) previous.getAttribute(SESSION_TARGET);
    if (previous != null) {
      previous.invalidate(); // a new session id after login: no session fixation
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(SESSION_ACCOUNT, account.get().username());
    authenticator.recordLogin(account.get(), request.getRemoteAddr());
    boolean safeTarget =
        target != null
            && target.startsWith(request.getContextPath() + "/")
            && !target.startsWith(request.getContextPath() + LOGIN_ACTION);
    return context.redirect(safeTarget ? target : request.getContextPath() + "/");
  }

  private static AuthenticationStatus unavailable(HttpServletResponse response, boolean api) {
    try {
      response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      if (api) {
        DatabaseUnavailable.problem().send(response);
      } else {
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /**
   * @return the account the mechanism authenticated for this request, if any
   */
  public static Optional<Account> account(HttpServletRequest request) {
    return request.getAttribute(REQUEST_ACCOUNT) instanceof Account a
        ? Optional.of(a)
        : Optional.empty();
  }

  private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, Login login) {
    response.setHeader("Retry-After", String.valueOf(login.retryAfterSeconds()));
    return refuse(response, new Problem(429, "Too Many Requests", login.refusal()));
  }

  /** 401 with a challenge for each scheme the API accepts (RFC 9110 section 11.6.1). */
  private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    response.setHeader("WWW-Authenticate", BASIC_CHALLENGE);
    response.addHeader("WWW-Authenticate", BEARER_CHALLENGE);
    return refuse(response, new Problem(401, "Unauthorized", detail));
  }

  /** Answers with a problem document now (the request goes no further). */
  private static AuthenticationStatus refuse(HttpServletResponse response, Problem problem) {
    try {
      problem.send(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** HTTP Basic credentials; the password is a char array so it can be wiped after use. */
  static final class Credentials {
    final String username;
    final char[] password;

    private Credentials(String username, char[] password) {
      this.username = username;
      this.password = password;
    }

    static Credentials fromBasic(String encoded) {
      byte[] decoded;
      try {
        decoded = Base64.getDecoder().decode(encoded);
      } catch (IllegalArgumentException e) {
        return null;
      }
      String text = new String(decoded, StandardCharsets.UTF_8);
      Arrays.fill(decoded, (byte) 0);
      int colon = text.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new Credentials(text.substring(0, colon), text.substring(colon + 1).toCharArray());
    }

    void clear() {
      Arrays.fill(password, '\0');
    }
  }
}
