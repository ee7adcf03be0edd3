import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The study viewer in Debian's headless Chromium (1366×768): signs in, opens the study page {@code
 * runs} times and prints, per run, when the page's HTML had arrived (from request to response end),
 * when the document was ready (DOMContentLoaded, when the viewer starts), when the CT geometry had
 * arrived, when the first CT image was drawn and when every image had arrived (ms since the page
 * was asked for, the viewer's own {@code performance.now()} stamps), and
 * the time to step 20 slices with the arrow key once they are loaded.
 *
 * <p>Run as a single-file program (bench/screens-bench.sh): {@code java -cp <rtds-web test
 * classpath> ViewerFirstImage.java BASE_URL USER PASSWORD STUDY_UID RUNS}.
 */
public class ViewerFirstImage {

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/?$", "/");
    int runs = Integer.parseInt(args[4]);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--window-size=1366,768",
        "--user-data-dir=" + java.nio.file.Files.createTempDirectory("bench-chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    WebDriver browser = new ChromeDriver(service, options);
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(3));
      browser.get(base + "login.xhtml");
      browser.findElement(By.id("username")).sendKeys(args[1]);
      browser.findElement(By.id("password")).sendKeys(args[2], Keys.ENTER);
      wait.until(d -> !d.findElements(By.className("rtds-user")).isEmpty());
      JavascriptExecutor js = (JavascriptExecutor) browser;
      List<String> rows = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        browser.get(base + "study.xhtml?uid=" + args[3]);
        WebElement viewer = wait.until(d -> d.findElement(By.id("viewer")));
        wait.until(d -> viewer.getAttribute("data-all-images-ms") != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> t =
            (Map<String, Object>)
                js.executeScript(
                    "var v = document.getElementById('viewer').rtdsViewer;"
                        + " var n = performance.getEntriesByType('navigation')[0];"
                        + " return {first: v.timing.firstImageMs, all: v.timing.allImagesMs,"
                        + " slices: v.ct.slices.length, rows: v.ct.rows,"
                        + " html: n.responseEnd - n.requestStart, dcl: n.domContentLoadedEventEnd,"
                        + " ct: (performance.getEntriesByType('resource')"
                        + "   .filter(function (e) { return /\\/ct$/.test(e.name); })[0] || {}).responseEnd};");
        // stepping: 20 key presses once every image is in the browser
        WebElement canvas = browser.findElement(By.cssSelector("#viewer canvas"));
        js.executeScript("arguments[0].focus()", canvas);
        Object stepMs =
            js.executeScript(
                "var v = document.getElementById('viewer').rtdsViewer; var t0 = performance.now();"
                    + " for (var i = 0; i < 20; i++) { v.setSlice(v.index + 1); }"
                    + " return (performance.now() - t0) / 20;");
        // the next run starts on an idle server: the steps' isodose requests answered
        wait.until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "var v = document.getElementById('viewer').rtdsViewer;"
                            + " return Object.keys(v.isodoses).every(function (k) {"
                            + " return v.isodoses[k] !== 'loading'; });")));
        rows.add(
            String.format(
                java.util.Locale.ROOT,
                "run=%d slices=%s rows=%s page_html_ms=%.0f dom_ready_ms=%.0f ct_geometry_ms=%.0f"
                    + " first_image_ms=%.0f all_images_ms=%.0f step_ms=%.1f",
                run,
                t.get("slices"),
                t.get("rows"),
                ((Number) t.get("html")).doubleValue(),
                ((Number) t.get("dcl")).doubleValue(),
                t.get("ct") == null ? Double.NaN : ((Number) t.get("ct")).doubleValue(),
                ((Number) t.get("first")).doubleValue(),
                ((Number) t.get("all")).doubleValue(),
                ((Number) stepMs).doubleValue()));
      }
      rows.forEach(System.out::println);
    } finally {
      browser.quit();
    }
  }
}
