package org.transformpipeline.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Parquet files back with DuckDB, an independent reader, for assertions in tests. */
public final class DuckDb {

  private DuckDb() {}

  /** A SQL string literal for a file path, for {@code read_parquet(...)}. */
  public static String parquet(Path file) {
    return "read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
  }

  /** Runs a query; each row is a list of JDBC objects (null for SQL NULL). */
  public static List<List<Object>> query(String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
          row.add(result.getObject(c));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError("DuckDB query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /** Runs statements that return no rows (COPY, SET, CREATE), in order, on one connection. */
  public static void execute(String... statements) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new AssertionError(
          "DuckDB statement failed: " + String.join("; ", statements) + ": " + e.getMessage(), e);
    }
  }

  /** The single value of a one-row, one-column query. */
  public static Object scalar(String sql) {
    List<List<Object>> rows = query(sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new AssertionError("expected one value from " + sql + ", got " + rows);
    }
    return rows.get(0).get(0);
  }

  /** Column name to DuckDB type name (e.g. {@code DECIMAL(18,4)}), in file order. */
  public static Map<String, String> columnTypes(Path file) {
    Map<String, String> types = new LinkedHashMap<>();
    for (List<Object> row : query("DESCRIBE SELECT * FROM " + parquet(file))) {
      types.put((String) row.get(0), (String) row.get(1));
    }
    return types;
  }
}
