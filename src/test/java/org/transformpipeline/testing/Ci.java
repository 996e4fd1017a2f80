package org.transformpipeline.testing;

import java.util.Locale;

/**
 * Whether the tests run in CI: the environment variable {@code CI} set to anything but empty,
 * {@code false} or {@code 0} (as {@code .ci/run} reads it). In CI a test that needs a tool (jq,
 * Chromium, chattr) fails when the tool is missing instead of being skipped.
 */
public final class Ci {

  private Ci() {}

  /** True in CI. */
  public static boolean isSet() {
    String ci = System.getenv("CI");
    return ci != null
        && !ci.isEmpty()
        && !ci.toLowerCase(Locale.ROOT).equals("false")
        && !ci.equals("0");
  }
}
