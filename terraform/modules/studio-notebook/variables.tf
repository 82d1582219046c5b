################################################################################
# General
################################################################################

variable "name" {
  type        = string
  description = "Name of the Studio notebook (2-40 lowercase letters, digits, hyphens); prefixes every resource name."
}

variable "tags" {
  type        = map(string)
  description = "Tags of the notebook's resources, the CloudFormation stack's included (providers' default_tags add to them)."
  default     = {}
}

################################################################################
# Runtime
################################################################################

variable "runtime_environment" {
  type        = string
  description = "Studio (Zeppelin) runtime: ZEPPELIN-FLINK-3_0 (Flink 1.15, the original's) or ZEPPELIN-FLINK-2_0 (Flink 1.13). The connector jars follow it."
  default     = "ZEPPELIN-FLINK-3_0"

  validation {
    condition     = contains(["ZEPPELIN-FLINK-2_0", "ZEPPELIN-FLINK-3_0"], var.runtime_environment)
    error_message = "runtime_environment must be ZEPPELIN-FLINK-2_0 or ZEPPELIN-FLINK-3_0."
  }
}

variable "parallelism" {
  type        = number
  description = "Parallelism of the notebook's Flink jobs (1-64; Studio's default 4)."
  default     = 4

  validation {
    condition     = var.parallelism >= 1 && var.parallelism <= 64 && floor(var.parallelism) == var.parallelism
    error_message = "parallelism must be a whole number from 1 to 64."
  }
}

variable "parallelism_per_kpu" {
  type        = number
  description = "Parallel tasks per KPU of the notebook (1-8)."
  default     = 1
}

variable "log_level" {
  type        = string
  description = "Zeppelin/Flink log level: DEBUG, INFO, WARN or ERROR (the original's LogLevel parameter)."
  default     = "INFO"
}

variable "log_retention_in_days" {
  type        = number
  description = "Retention of the notebook's log group, one of CloudWatch's allowed values (original: 365)."
  default     = 365
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key of the output bucket (the module's own, or the given one's default key): encrypts the bucket and the note, and the role may use it through S3. Null: SSE-S3."
  default     = null
}

variable "log_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the notebook's log group (null: CloudWatch Logs' own encryption). Its key policy must allow the logs service."
  default     = null
}

################################################################################
# Cluster
################################################################################

variable "cluster_arn" {
  type        = string
  description = "ARN of the MSK cluster the notebook reads (msk-cluster's cluster_arn)."
}

variable "access_control" {
  type        = string
  description = "How the notebook authenticates to the brokers: iam (port 9098), tls (unauthenticated TLS, 9094) or scram (SASL/SCRAM, 9096). Selects sql/security/<mode>.sql."
  default     = "iam"

  validation {
    condition     = contains(["iam", "tls", "scram"], var.access_control)
    error_message = "access_control must be iam, tls or scram."
  }
}

variable "bootstrap_servers" {
  type        = string
  description = "Bootstrap servers for access_control (msk-cluster's bootstrap_brokers_sasl_iam, _tls or _sasl_scram)."
}

variable "topic" {
  type        = string
  description = "Topic with the stock ticks the notebook reads."
}

variable "consumer_group_id" {
  type        = string
  description = "Kafka consumer group of the notebook's source table (original: KdaStudioGroup)."
  default     = "KdaStudioGroup"
}

variable "scram_secret_arn" {
  type        = string
  description = "Secrets Manager secret (AmazonMSK_*) of the SCRAM user; required with access_control = scram. The note names it in place of the credentials."
  default     = null

  validation {
    condition     = var.scram_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:AmazonMSK_.+$", var.scram_secret_arn))
    error_message = "scram_secret_arn must be a Secrets Manager secret ARN whose name starts with AmazonMSK_."
  }

  validation {
    condition     = var.access_control != "scram" || var.scram_secret_arn != null
    error_message = "scram_secret_arn is required when access_control is scram."
  }
}

variable "subnet_ids" {
  type        = list(string)
  description = "Subnets for the notebook's ENIs: the cluster's private subnets (network's private_subnet_ids)."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups for the notebook's ENIs: the cluster's own group (msk-cluster's security_group_id)."
}

################################################################################
# Catalog and output
################################################################################

variable "create_glue_database" {
  type        = bool
  description = "Create a Glue database <name>_studio as the notebook's catalog; false uses glue_database_name."
  default     = true
}

variable "glue_database_name" {
  type        = string
  description = "Existing Glue database to use as the notebook's catalog when create_glue_database is false (e.g. firehose-s3's glue_database_name)."
  default     = null

  validation {
    condition     = var.create_glue_database || var.glue_database_name != null
    error_message = "glue_database_name is required when create_glue_database is false."
  }

  validation {
    condition     = var.glue_database_name == null || can(regex("^[a-z0-9_]{1,255}$", var.glue_database_name))
    error_message = "glue_database_name must be 1-255 lowercase letters, digits and underscores (Glue names take no hyphens)."
  }
}

variable "create_output_bucket" {
  type        = bool
  description = "Create a private, encrypted, TLS-only bucket for the sink and the note; false uses output_bucket_name."
  default     = true
}

variable "output_bucket_name" {
  type        = string
  description = "Existing bucket for the sink and the rendered note when create_output_bucket is false (e.g. firehose-s3's bucket_name)."
  default     = null

  validation {
    condition     = var.create_output_bucket || var.output_bucket_name != null
    error_message = "output_bucket_name is required when create_output_bucket is false."
  }

  validation {
    condition     = var.output_bucket_name == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.output_bucket_name))
    error_message = "output_bucket_name must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)."
  }
}

variable "output_prefix" {
  type        = string
  description = "Folder in the bucket the notebook's sink writes to (no leading or trailing slash)."
  default     = "studio/stock-ticks"
}

variable "force_destroy" {
  type        = bool
  description = "Allow destroying the module's own bucket while it holds objects (dev only)."
  default     = false
}

################################################################################
# SQL
################################################################################

variable "sql_dir" {
  type        = string
  description = "Directory of the pattern's SQL files the note is rendered from: source.sql, scan/unbounded.sql, security/<access_control>.sql, checkpointing.sql, sink.sql and insert.sql (null: flink-sql/src/main/resources/sql in this repository)."
  default     = null

  validation {
    condition = var.sql_dir == null || alltrue([
      for f in ["source.sql", "scan/unbounded.sql", "security/${var.access_control}.sql", "checkpointing.sql", "sink.sql", "insert.sql"] :
      fileexists("${coalesce(var.sql_dir, "/nonexistent")}/${f}")
    ])
    error_message = "sql_dir must contain the files the note is rendered from: source.sql, scan/unbounded.sql, security/<access_control>.sql (iam.sql, tls.sql or scram.sql), checkpointing.sql, sink.sql and insert.sql."
  }
}

variable "checkpoint_interval_ms" {
  type        = number
  description = "Checkpoint interval the note's checkpointing paragraph sets, in ms (the S3 sink commits only on checkpoints; original one minute)."
  default     = 60000
}

variable "partition_commit_delay_ms" {
  type        = number
  description = "How long after the end of an hour (by watermark) the notebook commits its partition with a _SUCCESS file, in ms."
  default     = 3600000
}
