package org.rtds.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administration pages and the audit trail in a real browser (headless Chromium at 1366×768,
 * see {@link Chromium}): the administrator opens accounts, groups, hospitals, API tokens and the
 * audit trail; creates an account in a group and a new hospital, makes an API token for it (the
 * secret shown once, and working), revokes it (it stops working), and finds the token's making in
 * the audit trail. Every field has a label; the texts are those of {@code messages.properties}. A
 * physicist who opens an administration page is told in plain words that she may not. Every screen
 * is saved in {@code target/screenshots} for review.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminScreensIT {

  private static final ResourceBundle MSG =
      ResourceBundle.getBundle("org.rtds.web.messages", Locale.ROOT);

  private static final String ENGINEER = "it.engineer";
  private static final String HOSPITAL = "Admin Screens Hospital";
  private static final String GROUP = "RTDS partner systems";
  private static final String PHYSICIST = "dr.not.admin";
  private static final String PHYSICIST_PASSWORD = "not-admin-password-1";

  @ArquillianResource URL base;

  private WebDriver browser;

  private WebDriverWait wait;

  private Chromium chromium;

  @Deployment
  static WebArchive deployment() throws SQLException {
    return ApplicationWiringIT.deployment();
  }

  @Test
  void theAdministratorManagesAccountsTokensAndReadsTheAuditTrail() throws Exception {
    Chromium.require();
    new RtdsHttp(base).awaitReady();
    try (Chromium chromium = Chromium.open(base, "admin")) {
      use(chromium);
      chromium.get("admin/users.xhtml");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      chromium.signIn("admin", ApplicationWiringIT.ADMIN_PASSWORD);

      // accounts: the list, every field labelled, the texts of the bundle
      chromium.get("admin/users.xhtml");
      awaitPage("admin.users.title");
      assertThat(text(".rtds-lead")).isEqualTo(msg("admin.users.lead"));
      assertThat(text(".rtds-tabs [aria-current='page']")).isEqualTo(msg("admin.tabs.users"));
      assertThat(text("[id='users:list']"))
          .contains("admin")
          .contains(msg("admin.users.lastLogin"));
      screenshot("01-users");

      // a new account in a group and a new hospital; RTDS shows its password once
      type("users:username", ENGINEER);
      type("users:firstName", "Ines");
      type("users:lastName", "Engineer");
      type("users:email", "ines@example.org");
      type("users:hospital", HOSPITAL);
      browser.findElement(By.id("users:groups")).click();
      By group =
          By.xpath(
              "//div[@id='users:groups_panel']//li[.//label[normalize-space()='" + GROUP + "']]");
      wait.until(ExpectedConditions.visibilityOfElementLocated(group));
      browser.findElement(group).findElement(By.className("ui-chkbox-box")).click();
      wait.until(d -> d.findElement(By.id("users:groups")).getText().contains(GROUP) && ajaxIdle());
      screenshot("02-users-new-account-groups");
      browser.findElement(By.tagName("h1")).click(); // closes the menu
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("users:groups_panel")));
      assertThat(
              chromium.script(
                  "return Array.from(document.querySelectorAll(\"[name='users:groups']\"))"
                      + ".filter(e => e.checked).map(e => e.value)"))
          .as("the group is ticked in the form")
          .isEqualTo(List.of(GROUP));
      click("users:create");
      wait.until(d -> !d.findElements(By.id("users:generated")).isEmpty() && chromium.ajaxIdle());
      assertThat(
              ApplicationWiringIT.query(
                  "SELECT g.name FROM `"
                      + ApplicationWiringIT.DB
                      + "`.auth_user_groups ug JOIN `"
                      + ApplicationWiringIT.DB
                      + "`.auth_group g ON g.id = ug.group_id JOIN `"
                      + ApplicationWiringIT.DB
                      + "`.auth_user u ON u.id = ug.user_id WHERE u.username = '"
                      + ENGINEER
                      + "'"))
          .as("the account is in the group")
          .containsExactly(List.of(GROUP));
      assertThat(text(".ui-messages-info")).contains(msg("admin.users.created", ENGINEER));
      String generated = text("[id='users:generated']");
      assertThat(generated).contains("shown only now");
      assertThat(browser.findElement(By.cssSelector("[id='users:generated'] code")).getText())
          .hasSizeGreaterThanOrEqualTo(10);
      WebElement row = row("users:list", ENGINEER);
      assertThat(row.getText()).contains("Ines Engineer").contains(HOSPITAL).contains(GROUP);
      centre(browser.findElement(By.id("users:generated")));
      screenshot("03-users-account-created");

      // a refusal from the security module, in a sentence of the page, not an error page
      type("users:username", ENGINEER);
      click("users:create");
      wait.until(d -> !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
      assertThat(text(".ui-messages-error"))
          .isEqualTo(
              msg("admin.users.notCreated", "an account named '" + ENGINEER + "' exists already"));
      assertThat(
              chromium.script(
                  "var r = document.querySelector('.ui-messages-error').getBoundingClientRect();"
                      + " return r.top >= 0 && r.bottom <= window.innerHeight;"))
          .as("the refusal is in view where the button was clicked")
          .isEqualTo(true);
      screenshot("04-users-refused");

      // change it: the edit panel, labelled
      press(row("users:list", ENGINEER).findElement(By.tagName("button")));
      wait.until(
          d -> !d.findElements(By.id("users:editHospital")).isEmpty() && chromium.ajaxIdle());
      assertThat(text("[id='users:edit'] .ui-panel-title"))
          .isEqualTo(msg("admin.users.edit", ENGINEER));
      centre(browser.findElement(By.id("users:edit")));
      screenshot("05-users-change");
      click("users:save");
      wait.until(d -> !d.findElements(By.cssSelector(".ui-messages-info")).isEmpty() && ajaxIdle());
      assertThat(text(".ui-messages-info")).isEqualTo(msg("admin.users.saved", ENGINEER));

      // groups: job roles with their permissions, explained
      chromium.get("admin/groups.xhtml");
      awaitPage("admin.groups.title");
      assertThat(row("groups:list", GROUP).getText()).contains("view_patient");
      assertThat(text("[id='groups:new']")).contains(msg("admin.permission.view_auditevent"));
      screenshot("06-groups");
      press(row("groups:list", GROUP).findElement(By.tagName("button")));
      wait.until(d -> !d.findElements(By.id("groups:editPermissions")).isEmpty() && ajaxIdle());
      assertThat(text("[id='groups:edit'] .ui-panel-title"))
          .isEqualTo(msg("admin.groups.edit", GROUP));
      centre(browser.findElement(By.id("groups:edit")));
      screenshot("07-groups-change");

      // hospitals: the new account's hospital, with one account
      chromium.get("admin/hospitals.xhtml");
      awaitPage("admin.hospitals.title");
      assertThat(
              row("hospitals:list", HOSPITAL).findElements(By.tagName("td")).stream()
                  .map(WebElement::getText)
                  .toList())
          .as("the hospital, its accounts and patients")
          .startsWith(HOSPITAL, "1", "0");
      press(row("hospitals:list", HOSPITAL).findElement(By.tagName("button")));
      wait.until(d -> !d.findElements(By.id("hospitals:newName")).isEmpty() && ajaxIdle());
      assertThat(browser.findElement(By.id("hospitals:newName")).getAttribute("value"))
          .isEqualTo(HOSPITAL);
      screenshot("08-hospitals-rename");

      // API tokens: one for the new account, limited to reading patients; its secret shown once
      chromium.get("admin/tokens.xhtml");
      awaitPage("admin.tokens.title");
      assertThat(text("[id='tokens:list']")).contains(msg("admin.tokens.empty"));
      assertThat(text("[id='tokens:new']"))
          .contains(msg("admin.tokens.scope.hint"))
          .contains(msg("admin.permission.view_patient"));
      screenshot("09-tokens");
      type("tokens:username", ENGINEER);
      type("tokens:name", "TPS export at site A");
      browser
          .findElement(By.xpath("//label[contains(normalize-space(), '(view_patient)')]"))
          .click();
      click("tokens:create");
      wait.until(d -> !d.findElements(By.id("tokens:created")).isEmpty() && ajaxIdle());
      String secret =
          browser.findElement(By.cssSelector("[id='tokens:created'] code")).getText().strip();
      String prefix = row("tokens:list", ENGINEER).findElement(By.tagName("code")).getText();
      prefix = prefix.substring(0, prefix.length() - 1); // without the "…"
      assertThat(secret).startsWith(prefix);
      assertThat(text(".ui-messages-info")).isEqualTo(msg("admin.tokens.made", prefix, ENGINEER));
      assertThat(text("[id='tokens:created']")).contains(msg("admin.tokens.shownOnce"));
      assertThat(row("tokens:list", ENGINEER).getText())
          .contains("TPS export at site A")
          .contains("view_patient")
          .contains(msg("admin.tokens.state.ACTIVE"));
      centre(browser.findElement(By.id("tokens:created")));
      screenshot("10-tokens-made");
      assertThat(bearer(secret)).as("the token shown works").isEqualTo(200);
      chromium.get("admin/tokens.xhtml");
      awaitPage("admin.tokens.title");
      assertThat(browser.getPageSource()).as("shown once only").doesNotContain(secret);

      // revoking asks first, then the token stops working
      WebElement revoke = row("tokens:list", ENGINEER).findElement(By.tagName("button"));
      assertThat(revoke.getAttribute("aria-label"))
          .isEqualTo(msg("admin.tokens.revoke.label", prefix));
      press(revoke);
      By dialog = By.cssSelector(".ui-confirm-dialog");
      wait.until(ExpectedConditions.visibilityOfElementLocated(dialog));
      assertThat(browser.findElement(dialog).getText())
          .contains(msg("admin.tokens.revoke.confirm", prefix));
      screenshot("11-tokens-revoke-confirm");
      browser.findElement(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes")).click();
      wait.until(d -> !d.findElements(By.cssSelector(".ui-messages-info")).isEmpty() && ajaxIdle());
      assertThat(text(".ui-messages-info")).isEqualTo(msg("admin.tokens.revoked", prefix));
      assertThat(row("tokens:list", ENGINEER).getText())
          .contains(msg("admin.tokens.state.REVOKED"));
      screenshot("12-tokens-revoked");
      assertThat(bearer(secret)).as("a revoked token is refused").isEqualTo(401);

      // the audit trail, filtered to token creations: the one just made
      chromium.get("audit.xhtml");
      awaitPage("audit.title");
      assertThat(text(".rtds-tabs [aria-current='page']")).isEqualTo(msg("admin.tabs.audit"));
      int shown = browser.findElements(By.cssSelector("[id='audit:entries'] tbody tr")).size();
      assertThat(shown).as("the whole trail, newest first").isGreaterThan(1);
      assertThat(text(".rtds-audit-total")).isEqualTo(msg("audit.total", shown));
      screenshot("13-audit");
      type("audit:user", "admin");
      type("audit:type", "token-create");
      click("audit:search");
      wait.until(
          d ->
              d.findElements(By.cssSelector("[id='audit:entries'] tbody tr")).size() == 1
                  && ajaxIdle());
      assertThat(text(".rtds-audit-total")).isEqualTo(msg("audit.total", 1));
      assertThat(text("[id='audit:entries'] tbody"))
          .contains("token-create")
          .contains(msg("admin.tokens.made", prefix, ENGINEER));
      screenshot("14-audit-token-created");
      type("audit:type", "no-such-event");
      click("audit:search");
      wait.until(d -> text(".rtds-audit-total").equals(msg("audit.total", 0)) && ajaxIdle());
      assertThat(text("[id='audit:entries'] tbody")).isEqualTo(msg("audit.empty"));
    }
  }

  @Test
  void aPhysicistWhoOpensTheAccountsPageIsToldSheMayNot() throws Exception {
    Chromium.require();
    new RtdsHttp(base).awaitReady();
    ApplicationWiringIT.createAccount(
        PHYSICIST, PHYSICIST_PASSWORD, "RTDS physicists", "Browser General");
    try (Chromium chromium = Chromium.open(base, "admin")) {
      use(chromium);
      chromium.get("admin/users.xhtml");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
      chromium.signIn(PHYSICIST, PHYSICIST_PASSWORD);
      chromium.get("admin/users.xhtml");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.className("ui-panel-title")));
      assertThat(text(".ui-panel-title")).isEqualTo(msg("error.forbidden.title"));
      assertThat(text(".ui-panel-content")).contains(msg("error.forbidden"));
      assertThat(browser.getTitle()).contains(msg("error.forbidden.title"));
      assertThat(browser.findElement(By.tagName("body")).getText())
          .doesNotContain("Exception")
          .doesNotContain(msg("nav.administration"))
          .doesNotContain(msg("admin.users.title"));
      assertThat(browser.findElements(By.id("users:list"))).isEmpty();
      screenshot("15-physicist-forbidden");
    }
  }

  private void use(Chromium chromium) {
    this.chromium = chromium;
    this.browser = chromium.driver();
    this.wait = chromium.await();
  }

  /** Waits for a page of the frame whose heading is that bundle text, and checks its title. */
  private void awaitPage(String titleKey) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    assertThat(text("h1")).isEqualTo(msg(titleKey));
    assertThat(browser.getTitle()).startsWith(msg(titleKey));
  }

  /** The answer of the API to the token: 200 when it works, 401 when it is refused. */
  private int bearer(String token) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.toURI().resolve("api/v1/patients"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode())
        .as("%s %s %s", r.uri(), r.headers().firstValue("Location").orElse(""), r.body())
        .isIn(200, 401);
    return r.statusCode();
  }

  /** The row of a table whose first or second cell is {@code text}. */
  private WebElement row(String tableId, String text) {
    By row =
        By.xpath(
            "//*[@id='"
                + tableId
                + "']//tbody/tr[td[1][normalize-space()='"
                + text
                + "'] or td[2][normalize-space()='"
                + text
                + "']]");
    return wait.until(ExpectedConditions.presenceOfElementLocated(row));
  }

  private void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private void click(String id) {
    press(browser.findElement(By.id(id)));
  }

  /** Clicks an element in the middle of the window (the page's messages stay at its top). */
  private void press(WebElement element) {
    centre(element);
    element.click();
  }

  private void centre(WebElement element) {
    chromium.centre(element);
  }

  private boolean ajaxIdle() {
    return chromium.ajaxIdle();
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().strip();
  }

  private static String msg(String key, Object... values) {
    String pattern = MSG.getString(key);
    return values.length == 0 && !pattern.contains("{")
        ? pattern
        : new MessageFormat(pattern, Locale.ROOT).format(values);
  }

  private void screenshot(String name) throws Exception {
    chromium.screenshot(name);
  }
}
