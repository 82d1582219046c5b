################################################################################
# General
################################################################################

variable "create" {
  type        = bool
  description = "Whether to create any resource in this module."
  default     = true
}

variable "name" {
  type        = string
  description = "Name of the Studio notebook (2-40 lowercase letters, digits, hyphens); prefixes every resource name."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,39}$", var.name))
    error_message = "name must be 2-40 characters of lowercase letters, digits and hyphens, starting with a letter or digit."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
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
  description = "Parallel tasks per KPU (1-8)."
  default     = 1

  validation {
    condition     = var.parallelism_per_kpu >= 1 && var.parallelism_per_kpu <= 8 && floor(var.parallelism_per_kpu) == var.parallelism_per_kpu
    error_message = "parallelism_per_kpu must be a whole number from 1 to 8."
  }
}

variable "log_level" {
  type        = string
  description = "Zeppelin/Flink log level: DEBUG, INFO, WARN or ERROR (the original's LogLevel parameter)."
  default     = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO", "WARN", "ERROR"], var.log_level)
    error_message = "log_level must be DEBUG, INFO, WARN or ERROR."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the notebook's log group, one of CloudWatch's allowed values (original: 365)."
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of CloudWatch's values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key of the output bucket (the module's own, or the given one's default key): encrypts the bucket and the note, and the role may use it through S3. Null: SSE-S3."
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "log_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the log group (null: CloudWatch Logs' own encryption). Its key policy must allow the logs service."
  default     = null

  validation {
    condition     = var.log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

################################################################################
# Cluster
################################################################################

variable "cluster_arn" {
  type        = string
  description = "ARN of the MSK cluster (msk-cluster's cluster_arn); scopes the kafka-cluster permissions."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kafka:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9-]+/[A-Za-z0-9-]+$", var.cluster_arn))
    error_message = "cluster_arn must be an MSK cluster ARN (arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>)."
  }
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

  validation {
    condition     = can(regex("^[A-Za-z0-9.-]+:[0-9]+(,[A-Za-z0-9.-]+:[0-9]+)*$", var.bootstrap_servers))
    error_message = "bootstrap_servers must be a comma-separated list of host:port."
  }
}

variable "topic" {
  type        = string
  description = "Topic with the stock ticks."

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,249}$", var.topic))
    error_message = "topic must be 1-249 characters of letters, digits, '.', '_' and '-'."
  }
}

variable "consumer_group_id" {
  type        = string
  description = "Kafka consumer group of the source table (original: KdaStudioGroup)."
  default     = "KdaStudioGroup"

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,255}$", var.consumer_group_id))
    error_message = "consumer_group_id must be 1-255 characters of letters, digits, '.', '_' and '-'."
  }
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

  validation {
    condition     = length(var.subnet_ids) >= 1 && length(var.subnet_ids) <= 16 && alltrue([for s in var.subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))])
    error_message = "subnet_ids must hold 1-16 subnet IDs (subnet-...)."
  }
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups for the notebook's ENIs: the cluster's own group (msk-cluster's security_group_id), which admits its members."

  validation {
    condition     = length(var.security_group_ids) >= 1 && length(var.security_group_ids) <= 5 && alltrue([for s in var.security_group_ids : can(regex("^sg-[0-9a-f]+$", s))])
    error_message = "security_group_ids must hold 1-5 security group IDs (sg-...)."
  }
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
  description = "Folder in the bucket the sink writes to (no leading or trailing slash)."
  default     = "studio/stock-ticks"

  validation {
    condition     = can(regex("^[A-Za-z0-9!_.*()-]+(/[A-Za-z0-9!_.*()-]+)*$", var.output_prefix))
    error_message = "output_prefix must be folder names separated by '/', without leading or trailing '/'."
  }
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
  description = "Directory of the pattern's SQL files (null: flink-sql/src/main/resources/sql in this repository)."
  default     = null

  validation {
    condition     = var.sql_dir == null || can(file("${coalesce(var.sql_dir, "/nonexistent")}/source.sql"))
    error_message = "sql_dir must contain source.sql, sink.sql, insert.sql, checkpointing.sql and security/<mode>.sql."
  }
}

variable "checkpoint_interval" {
  type        = string
  description = "Checkpoint interval the note's checkpointing paragraph sets (the S3 sink commits only on checkpoints; original 1min)."
  default     = "1min"

  validation {
    condition     = can(regex("^[0-9]+ ?(ms|s|min|h)$", var.checkpoint_interval))
    error_message = "checkpoint_interval must be a Flink duration such as 1min, 30 s or 500ms."
  }
}

variable "partition_commit_delay" {
  type        = string
  description = "How long after the end of an hour (by watermark) its partition gets a _SUCCESS file."
  default     = "1 h"

  validation {
    condition     = can(regex("^[0-9]+ ?(ms|s|min|h|d)$", var.partition_commit_delay))
    error_message = "partition_commit_delay must be a Flink duration such as 1 h or 0 s."
  }
}
