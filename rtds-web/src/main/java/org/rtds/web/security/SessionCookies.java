package org.rtds.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly and SameSite=Lax always (web.xml), and Secure when {@code
 * RTDS_SECURE_COOKIES=true} — set it whenever users reach RTDS over HTTPS (directly or through a
 * TLS proxy); it stays off by default so that {@code ./rtds run} on plain http://localhost works.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

  /** The setting's name (environment variable or MicroProfile Config property). */
  public static final String SECURE_COOKIES = "RTDS_SECURE_COOKIES";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean secure =
        ConfigProvider.getConfig()
            .getOptionalValue(SECURE_COOKIES, String.class)
            .map(v -> v.trim().equalsIgnoreCase("true"))
            .orElse(false);
    SessionCookieConfig cookies = event.getServletContext().getSessionCookieConfig();
    cookies.setHttpOnly(true);
    cookies.setSecure(secure);
    cookies.setAttribute("SameSite", "Lax");
  }
}
