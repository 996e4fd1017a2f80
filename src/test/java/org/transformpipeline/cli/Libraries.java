package org.transformpipeline.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Test libraries made with DuckDB (an independent Parquet writer and reader): a slice of a SMILES
 * file with typed pass-through columns, and reading an output file back.
 */
public final class Libraries {

  public static final Path NCI_5K = Path.of("test-data/nci_first_5k.smi");

  private Libraries() {}

  /**
   * Writes the first {@code limit} rows of a {@code SMILES<TAB>id} file as Parquet with columns
   * smiles, id, and pass-through columns of several types with nulls: heavy (INTEGER, length of the
   * SMILES), activity (DOUBLE, null when id % 3 = 0), even (BOOLEAN), big (BIGINT), note (VARCHAR,
   * null when id % 5 = 0).
   */
  public static Path smiToParquet(Path smi, int limit, Path parquet) throws SQLException {
    String sql =
        "COPY (SELECT smiles, id, length(smiles)::INTEGER AS heavy,"
            + " CASE WHEN id::INTEGER % 3 = 0 THEN NULL ELSE id::DOUBLE / 7 END AS activity,"
            + " id::INTEGER % 2 = 0 AS even, id::BIGINT * 10000000000 AS big,"
            + " CASE WHEN id::INTEGER % 5 = 0 THEN NULL ELSE 'n' || id END AS note"
            + " FROM read_csv('"
            + smi
            + "', delim='\\t', header=false, quote='', escape='',"
            + " columns={'smiles': 'VARCHAR', 'id': 'VARCHAR'}) LIMIT "
            + limit
            + ")"
            + " TO '"
            + parquet
            + "' (FORMAT parquet)";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
    return parquet;
  }

  /**
   * Writes a library with columns smiles and id (both VARCHAR, nullable) from the given pairs, in
   * order, with DuckDB: {@code rows} holds smiles, id, smiles, id, ... (null for a null cell).
   */
  public static Path withRows(Path parquet, List<String> smilesAndIds) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE library (smiles VARCHAR, id VARCHAR)");
      try (DuckDBAppender appender =
          c.unwrap(DuckDBConnection.class)
              .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "library")) {
        for (int i = 0; i < smilesAndIds.size(); i += 2) {
          appender.beginRow();
          for (String cell : smilesAndIds.subList(i, i + 2)) {
            if (cell == null) {
              appender.appendNull();
            } else {
              appender.append(cell);
            }
          }
          appender.endRow();
        }
      }
      s.execute("COPY library TO '" + parquet + "' (FORMAT parquet)");
    }
    return parquet;
  }

  /** The rows of a query over DuckDB, each row's values joined with " | " (null as NULL). */
  public static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          if (i > 1) {
            row.append(" | ");
          }
          Object value = rs.getObject(i);
          row.append(value == null ? "NULL" : value.toString());
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
