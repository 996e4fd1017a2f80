package org.transformpipeline.text;

/**
 * The text of an error as one line of a message: what every package shows of an exception from a
 * library (CDK, Parquet, the JDK), whose messages may be empty or span lines. A leaf package, so
 * that every other one may use it. Stateless, thread-safe.
 */
public final class ErrorText {

  private ErrorText() {}

  /** The first line of a text, trimmed; empty for null. */
  public static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).trim();
  }

  /** The first line of an error's message, or its class's simple name when it has none. */
  public static String firstLine(Throwable e) {
    return firstLine(messageOrName(e));
  }

  /** An error's whole message on one line (line breaks as spaces), or its class's simple name. */
  public static String oneLine(Throwable e) {
    return messageOrName(e).replaceAll("\\s*\\R\\s*", " ").trim();
  }

  private static String messageOrName(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
