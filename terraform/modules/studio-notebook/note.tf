################################################################################
# The pattern's SQL files (flink-sql/src/main/resources/sql), rendered with this
# cluster's values into a Zeppelin note. The files use ${name} placeholders, the
# syntax templatefile() reads, so the notebook runs the same SQL as the
# Managed Flink application and scripts/studio-check.
################################################################################

locals {
  sql_dir = coalesce(var.sql_dir, "${path.module}/../../../flink-sql/src/main/resources/sql")

  # SCRAM credentials never go into the note: it names the secret to copy them from.
  security_options = trimspace(templatefile("${local.sql_dir}/security/${var.access_control}.sql", {
    scram_username = "<username from ${coalesce(var.scram_secret_arn, "-")}>"
    scram_password = "<password from ${coalesce(var.scram_secret_arn, "-")}>"
  }))

  # A notebook paragraph runs until it is stopped, so the source is never bounded: scan/unbounded.sql names no
  # 'scan.bounded.mode', which the Kafka connector has only from Flink 1.17 on and the notebook's Flink 1.15 (or
  # 1.13) rejects as an unsupported option. scripts/studio-check runs this rendering on Flink 1.15.
  scan_options = trimspace(templatefile("${local.sql_dir}/scan/unbounded.sql", {
    startup_mode = "earliest-offset"
  }))

  sql_values = {
    topic               = module.runtime.sql_values.topic
    bootstrap_servers   = module.runtime.sql_values.bootstrap_servers
    group_id            = module.runtime.sql_values.group_id
    scan_options        = local.scan_options
    security_options    = local.security_options
    output_path         = "s3a://${coalesce(local.bucket_name, "unknown")}/${var.output_prefix}"
    commit_delay        = module.runtime.sql_values.commit_delay
    checkpoint_interval = module.runtime.sql_values.checkpoint_interval
  }

  source_sql        = trimspace(templatefile("${local.sql_dir}/source.sql", local.sql_values))
  sink_sql          = trimspace(templatefile("${local.sql_dir}/sink.sql", local.sql_values))
  insert_sql        = trimspace(templatefile("${local.sql_dir}/insert.sql", local.sql_values))
  checkpointing_sql = templatefile("${local.sql_dir}/checkpointing.sql", local.sql_values)

  # Zeppelin's %flink.ssql has no quoted SET; the original set checkpointing from PyFlink, so the SET statements
  # of checkpointing.sql become set_string calls.
  checkpoint_settings = regexall("(?m)^SET '([^']+)' = '([^']*)';", local.checkpointing_sql)
  checkpoint_python = join("\n", [for s in local.checkpoint_settings :
    "st_env.get_config().get_configuration().set_string(\"${s[0]}\", \"${s[1]}\")"
  ])

  note_paragraphs = [
    {
      title = "1. Source table: the stock ticks on ${var.topic} (${var.access_control})"
      text  = "%flink.ssql\n${local.source_sql}"
    },
    {
      title = "2. Checkpointing: the S3 sink writes files only on checkpoints"
      text  = "%flink.pyflink\n${local.checkpoint_python}"
    },
    {
      title = "3. Sink table and insert: ticks above 50 to s3a://.../${var.output_prefix}, by ticker, day and hour"
      text  = "%flink.ssql(type=update)\n${local.sink_sql}\n\n${local.insert_sql}"
    },
  ]

  note = {
    name = "${var.name}-stock-ticks"
    paragraphs = [for p in local.note_paragraphs : {
      title    = p.title
      text     = p.text
      config   = { title = true, editorHide = false }
      settings = { params = {}, forms = {} }
    }]
    config = { isZeppelinNotebookCronEnable = false }
    info   = {}
  }

  note_json = jsonencode(local.note)
}
