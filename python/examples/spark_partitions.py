"""newsmark as the map step of Spark's mapPartitions over JSONL files (docs/python.md).

    spark-submit spark_partitions.py 'articles-*.jsonl' out/

The same map step as dask_bag.py: each partition's lines go through newsmark.annotate_many, the
exports come back as JSON lines. The newsmark wheel must be installed on every executor (for
example with --py-files or a cluster-wide pip install). This example is not run by the tests:
Spark is not installed where they run.
"""

import json
import sys

import newsmark


def annotate_partition(lines):
    docs = (json.loads(line) for line in lines if line.strip())
    for export in newsmark.annotate_many(docs, jobs=1):
        yield json.dumps(export, ensure_ascii=False)


if __name__ == "__main__":
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("newsmark").getOrCreate()
    spark.sparkContext.textFile(sys.argv[1]).mapPartitions(annotate_partition).saveAsTextFile(sys.argv[2])
    spark.stop()
