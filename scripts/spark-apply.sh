#!/usr/bin/env bash
# Runs the Spark job (org.transformpipeline.spark.SparkApply) in local mode, with Spark's jars taken
# from Maven: no Spark install, no spark-submit.
# Usage: scripts/spark-apply.sh [--master local[N]] [--partitions N] --input LIB --output DIR [apply options]
#   --master defaults to local[*,2] (all cores, a failed task is tried twice); --partitions to 8.
# Environment: SPARK_DRIVER_MEMORY (default 4g): the one JVM's heap, shared by all task threads;
#   SPARK_UI=true to keep Spark's web UI (port 4040) while the job runs.
# The classpath (Spark and the project's dependencies) is resolved once into target/spark-classpath.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/transform-spark.jar
CP_FILE=target/spark-classpath.txt
if [ ! -f "$JAR" ]; then
  mvn -q -B package -DskipTests
fi
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  # compile scope includes provided: Spark, and the Hadoop and Parquet it runs on
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$CP_FILE" >&2
fi
args=("$@")
has_master=false
for a in "${args[@]}"; do
  case "$a" in --master|--master=*) has_master=true ;; esac
done
$has_master || args=(--master 'local[*,2]' "${args[@]}")
# Spark 4 on JDK 17 opens these modules itself when it launches through spark-submit
exec java -Xmx"${SPARK_DRIVER_MEMORY:-4g}" \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  -Dlogback.configurationFile=src/main/resources/logback.xml \
  -Dspark.ui.enabled="${SPARK_UI:-false}" \
  -cp "$JAR:$(cat "$CP_FILE")" org.transformpipeline.spark.SparkApply "${args[@]}"
