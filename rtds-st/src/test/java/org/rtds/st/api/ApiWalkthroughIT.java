package org.rtds.st.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtds.st.fault.FaultSupport;
import org.rtds.st.fault.LaunchedRtds;
import org.rtds.testdata.DemoCohort;
import org.rtds.testdata.DemoCohort.Member;

/**
 * The partner API walkthrough {@code docs/api.md} runs for real: its {@code bash} blocks, in order,
 * as one script ({@code bash -euo pipefail}) against RTDS started as {@code ./rtds run} starts it
 * (the launcher jar, embedded MariaDB, Payara Micro; {@link LaunchedRtds}).
 *
 * <p>The knowledge base is the demonstration cohort of {@code ./rtds demo} (seed 1), members
 * DEMO-001 to DEMO-010 without DEMO-008, sent with {@code ./rtds import}; the walkthrough then
 * sends DEMO-008, the deliberately over-dosed plan, as a plan RTDS has not seen: every object
 * STORED, the features computed while the script polls, its DVH metrics (JSON and CSV), a ranked
 * list of similar plans, and an achievable-dose check that flags its right parotid (DEMO-010
 * reached a much lower dose with harder geometry), its DVH band, and the token revoked. The script
 * and its output are kept in {@code target/api-walkthrough/} (walkthrough.sh, walkthrough.out), the
 * import's console beside them, RTDS's data and logs in {@code target/fault-work/walkthrough/}.
 */
class ApiWalkthroughIT {

  private static final long SEED = 1;

  /** The walkthrough sends this member (index 7: DEMO-008, deliberately over-dosed). */
  private static final int PLAN_INDEX = 7;

  /** The knowledge base: the members before it and two after it. */
  private static final int COHORT = 10;

  private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(8);
  private static final Duration FEATURES_TIMEOUT = Duration.ofMinutes(8);
  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

  private static final Pattern FEATURE_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

  private LaunchedRtds rtds;

  @AfterEach
  void stop() throws InterruptedException {
    if (rtds != null) {
      rtds.close();
    }
  }

  @Test
  void theBashBlocksOfDocsApiMdRunAgainstRunningRtds() throws Exception {
    requireTools("curl", "jq");
    String script = bashBlocks(Path.of(property("rtds.st.api.doc")));
    Path work = Path.of(property("rtds.st.walkthrough.dir")).toAbsolutePath();
    LaunchedRtds.deleteTree(work);
    Files.createDirectories(work);
    Path scriptFile = Files.writeString(work.resolve("walkthrough.sh"), script);

    // the cohort's files, as ./rtds demo writes them: the knowledge base, and the plan to send
    Path kbDir = work.resolve("knowledge-base");
    Path planDir = work.resolve("plan");
    List<Member> members = DemoCohort.members(COHORT, SEED);
    Map<String, String> kbStudies = new LinkedHashMap<>();
    for (Member m : members) {
      if (m.index() == PLAN_INDEX) {
        DemoCohort.write(planDir, m, SEED);
      } else {
        kbStudies.put(
            m.patientId(),
            DemoCohort.write(kbDir.resolve(m.patientId()), m, SEED).studyInstanceUid());
      }
    }
    long planFiles = countFiles(planDir);

    long started = System.nanoTime();
    Path dataDir = FaultSupport.freshDataDir("walkthrough");
    rtds =
        LaunchedRtds.start(
            FaultSupport.launcherJar(),
            dataDir,
            FaultSupport.freePort(),
            FaultSupport.freePort(),
            "Walkthrough-admin-1",
            FaultSupport.START_TIMEOUT);
    long ready = System.nanoTime();

    importKnowledgeBase(kbDir, work.resolve("import.out"));
    awaitFeatures(kbStudies);
    long loaded = System.nanoTime();

    Map<String, String> env = new LinkedHashMap<>();
    env.put("RTDS_URL", rtds.baseUrl());
    env.put("RTDS_USER", LaunchedRtds.ADMIN);
    env.put("RTDS_PASSWORD", rtds.adminPassword);
    env.put("PLAN_DIR", planDir.toString());
    env.put("FEATURES_TIMEOUT_S", "480");
    Path outFile = work.resolve("walkthrough.out");
    int exit = run(List.of("bash", "-euo", "pipefail", scriptFile.toString()), env, work, outFile);
    String out = Files.readString(outFile, StandardCharsets.UTF_8);
    System.out.printf(
        "ApiWalkthroughIT: RTDS ready after %.0f s, knowledge base of %d plans loaded after %.0f s,"
            + " walkthrough %.0f s; its output in %s%n",
        (ready - started) / 1e9,
        kbStudies.size(),
        (loaded - ready) / 1e9,
        (System.nanoTime() - loaded) / 1e9,
        outFile);

    assertThat(exit).as("exit status of the walkthrough; its output:\n" + out).isZero();
    assertThat(lines(out, "{\"username\":\"admin\",\"roles\":"))
        .as("step 1: /me with the token: the scope's permissions, no administration")
        .singleElement()
        .satisfies(
            me ->
                assertThat(me.substring(me.indexOf("\"roles\":")))
                    .contains("\"add_instance\"", "\"view_patient\"", "\"view_knowledgebase\"")
                    .doesNotContain("\"admin\""));
    assertThat(out)
        .as("step 2: every object of a plan RTDS has not seen is stored")
        .contains("sending " + planFiles + " files from " + planDir)
        .contains("STORED: " + planFiles)
        .doesNotContain("REJECTED");
    assertThat(out).as("step 3: polled until DONE").containsPattern("(?m)^features: DONE");
    assertThat(out)
        .as("step 4: DVH metrics in Gy and %, and the CSV table")
        .containsPattern("(?m)^Brainstem\tBrainstem\tOAR\tDmean\t\\d+(\\.\\d+)?\tGy$")
        .containsPattern("(?m)^Brainstem\tBrainstem\tOAR\tV20Gy\t\\d+(\\.\\d+)?\t%$")
        .containsPattern("(?m)^roi_number,roi_name,metric,value,unit,source$")
        .containsPattern("(?m)^\\d+,External,Dmean,\\d+(\\.\\d+)?,Gy,COMPUTED$");
    assertThat(lines(out, "rank "))
        .as("step 5: five similar plans, best first, all from the knowledge base")
        .hasSize(5)
        .allSatisfy(line -> assertThat(line).containsPattern("DEMO-0(0[1-79]|10), prescription"))
        .satisfies(
            ranked -> {
              for (int i = 0; i < ranked.size(); i++) {
                assertThat(ranked.get(i)).startsWith("rank " + (i + 1) + ": ");
              }
            });
    assertThat(lines(out, "qc "))
        .as("step 6: one achievable-dose row per organ")
        .hasSizeGreaterThan(10)
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches("qc Parotid_R: D50% [\\d.]+ Gy, achievable [\\d.]+ Gy, FLAGGED .*"));
    assertThat(out)
        .as("step 6: the DVH band of the flagged organ")
        .containsPattern("(?m)^band Parotid_R: 5 plans");
    assertThat(out)
        .as("finally: the token revoked")
        .contains("\"name\":\"API walkthrough\",\"state\":\"REVOKED\"")
        .containsPattern("(?m)^the revoked token now gets HTTP 401$");
    assertThat(out).as("the token is not printed").doesNotContainPattern("rtds_[A-Za-z0-9]{43}");
  }

  /** The {@code bash} blocks of the page, in order, as one script. */
  static String bashBlocks(Path page) throws IOException {
    StringBuilder script = new StringBuilder("# the bash blocks of " + page.getFileName() + "\n");
    boolean inBash = false;
    boolean inOther = false;
    int blocks = 0;
    for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
      String fence = line.strip();
      if (inBash) {
        if (fence.equals("```")) {
          inBash = false;
          script.append('\n');
        } else {
          script.append(line).append('\n');
        }
      } else if (inOther) {
        inOther = !fence.equals("```");
      } else if (fence.equals("```bash")) {
        inBash = true;
        blocks++;
      } else if (fence.startsWith("```")) {
        inOther = true;
      }
    }
    assertThat(inBash || inOther).as(page + " ends inside a code block").isFalse();
    assertThat(blocks).as("bash blocks in " + page).isGreaterThanOrEqualTo(8);
    return script.toString();
  }

  /** {@code ./rtds import DIR} against the launched RTDS, as admin. */
  private void importKnowledgeBase(Path dir, Path console) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("RTDS_PASSWORD", rtds.adminPassword);
    int exit =
        run(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                FaultSupport.launcherJar().toString(),
                "import",
                "--url",
                rtds.baseUrl(),
                "--user",
                LaunchedRtds.ADMIN,
                "--threads",
                "4",
                dir.toString()),
            env,
            dir,
            console,
            IMPORT_TIMEOUT);
    assertThat(exit)
        .as("./rtds import of the knowledge base; its console:\n" + Files.readString(console))
        .isZero();
  }

  /** Waits until every knowledge-base study's features are DONE. */
  private void awaitFeatures(Map<String, String> studies) throws Exception {
    long deadline = System.nanoTime() + FEATURES_TIMEOUT.toNanos();
    Map<String, String> status = new LinkedHashMap<>();
    while (true) {
      for (Map.Entry<String, String> s : studies.entrySet()) {
        if ("DONE".equals(status.get(s.getKey()))) {
          continue;
        }
        HttpResponse<String> study = rtds.get("/rtds/api/v1/studies/" + s.getValue(), true);
        Matcher m = FEATURE_STATUS.matcher(study.body());
        String now =
            study.statusCode() == 200 && m.find() ? m.group(1) : "HTTP " + study.statusCode();
        assertThat(now)
            .as("features of " + s.getKey() + ": " + study.body())
            .isNotEqualTo("FAILED");
        status.put(s.getKey(), now);
      }
      if (status.values().stream().allMatch("DONE"::equals)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "knowledge base features not DONE within "
                + FEATURES_TIMEOUT.toMinutes()
                + " min: "
                + status);
      }
      Thread.sleep(2000);
    }
  }

  private static int run(List<String> command, Map<String, String> env, Path dir, Path output)
      throws IOException, InterruptedException {
    return run(command, env, dir, output, SCRIPT_TIMEOUT);
  }

  /** Runs a command with only these RTDS_ variables; stdout and stderr into {@code output}. */
  private static int run(
      List<String> command, Map<String, String> env, Path dir, Path output, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("RTDS_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError(
          String.join(" ", command.subList(0, Math.min(3, command.size())))
              + " did not end within "
              + timeout.toMinutes()
              + " min; its output:\n"
              + Files.readString(output));
    }
    return process.exitValue();
  }

  private static List<String> lines(String text, String prefix) {
    List<String> found = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        found.add(line);
      }
    }
    return found;
  }

  private static long countFiles(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  /** The walkthrough's tools; on CI (CI=true) their absence fails the test, else skips it. */
  private static void requireTools(String... tools) throws Exception {
    for (String tool : tools) {
      Process which = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
      boolean found = which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
      if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(tool + " is not on PATH (apt-get install " + tool + ")");
      }
      assumeThat(found).as(tool + " on PATH (apt-get install " + tool + ")").isTrue();
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven: -Psystem-tests)");
    }
    return value;
  }
}
