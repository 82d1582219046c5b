################################################################################
# General
################################################################################

variable "name" {
  type        = string
  description = "Name of the Managed Flink application (2-40 lowercase letters, digits, hyphens); prefixes every resource name."
}

variable "tags" {
  type        = map(string)
  description = "Tags of the application's resources (providers' default_tags add to them)."
  default     = {}
}

################################################################################
# Code and runtime
################################################################################

variable "code_bucket_name" {
  type        = string
  description = "Bucket holding the application jar (flink-sql/target/flink-sql-<version>-application.jar)."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.code_bucket_name))
    error_message = "code_bucket_name must be a valid S3 bucket name."
  }
}

variable "code_key" {
  type        = string
  description = "Object key of the application jar in code_bucket_name."
  default     = "flink/flink-sql-application.jar"

  validation {
    condition     = can(regex("^[^/].*\\.jar$", var.code_key))
    error_message = "code_key must be an object key ending in .jar, without a leading slash."
  }
}

variable "jar_path" {
  type        = string
  description = "Local path of the application jar to upload to code_bucket_name/code_key (null: it is already there)."
  default     = null

  validation {
    condition     = var.jar_path == null || can(filemd5(coalesce(var.jar_path, "-")))
    error_message = "jar_path must name an existing file (build it with ./mvnw -pl flink-sql package)."
  }
}

variable "start_application" {
  type        = bool
  description = "Start the application after creating it (false: start it with the start_command output)."
  default     = false
}

variable "parallelism" {
  type        = number
  description = "Parallelism of the job (1-256; the Kafka topic's partition count is a sensible maximum)."
  default     = 1

  validation {
    condition     = var.parallelism >= 1 && var.parallelism <= 256 && floor(var.parallelism) == var.parallelism
    error_message = "parallelism must be a whole number from 1 to 256."
  }
}

variable "parallelism_per_kpu" {
  type        = number
  description = "Parallel tasks per KPU of the application (1-8)."
  default     = 1
}

variable "auto_scaling_enabled" {
  type        = bool
  description = "Let the service scale parallelism with CPU load."
  default     = false
}

variable "checkpoint_interval_ms" {
  type        = number
  description = "Checkpoint interval in ms (the sink writes files and commits partitions on checkpoints; 10000-3600000, default one minute as in the notebook)."
  default     = 60000

  validation {
    condition     = var.checkpoint_interval_ms >= 10000 && var.checkpoint_interval_ms <= 3600000
    error_message = "checkpoint_interval_ms must be between 10000 and 3600000."
  }
}

variable "min_pause_between_checkpoints_ms" {
  type        = number
  description = "Minimum pause between checkpoints in ms (0-checkpoint_interval_ms)."
  default     = 5000

  validation {
    condition     = var.min_pause_between_checkpoints_ms >= 0 && var.min_pause_between_checkpoints_ms <= var.checkpoint_interval_ms
    error_message = "min_pause_between_checkpoints_ms must be between 0 and checkpoint_interval_ms."
  }
}

variable "metrics_level" {
  type        = string
  description = "CloudWatch metrics level: APPLICATION, OPERATOR, PARALLELISM or TASK."
  default     = "APPLICATION"

  validation {
    condition     = contains(["APPLICATION", "OPERATOR", "PARALLELISM", "TASK"], var.metrics_level)
    error_message = "metrics_level must be APPLICATION, OPERATOR, PARALLELISM or TASK."
  }
}

variable "log_level" {
  type        = string
  description = "Application log level: DEBUG, INFO, WARN or ERROR."
  default     = "INFO"
}

variable "log_retention_in_days" {
  type        = number
  description = "Retention of the application's log group, one of CloudWatch's allowed values."
  default     = 30
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key of the output bucket's default encryption (e.g. firehose-s3's kms_key_arn): the role may use it through S3, and the uploaded jar is encrypted with it. Null: SSE-S3."
  default     = null
}

variable "log_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the application's log group (null: CloudWatch Logs' own encryption). Its key policy must allow the logs service."
  default     = null
}

################################################################################
# Cluster and SQL settings (the property group FlinkSqlJob)
################################################################################

variable "cluster_arn" {
  type        = string
  description = "ARN of the MSK cluster the application reads (msk-cluster's cluster_arn)."
}

variable "access_control" {
  type        = string
  description = "How the job authenticates to the brokers: iam (port 9098) or tls (9094). SASL/SCRAM is not offered here: the job would need the password in its property group."
  default     = "iam"

  validation {
    condition     = contains(["iam", "tls"], var.access_control)
    error_message = "access_control must be iam or tls (scram would put the password into the application's properties)."
  }
}

variable "bootstrap_servers" {
  type        = string
  description = "Bootstrap servers for access_control (msk-cluster's bootstrap_brokers_sasl_iam or _tls)."
}

variable "topic" {
  type        = string
  description = "Topic with the stock ticks the application reads."
}

variable "consumer_group_id" {
  type        = string
  description = "Kafka consumer group of the application's source table."
  default     = "flink-sql-stock-ticks"
}

variable "startup_mode" {
  type        = string
  description = "Where a new consumer group starts: earliest-offset, latest-offset or group-offsets. After a restart from a snapshot the offsets in the snapshot win."
  default     = "earliest-offset"

  validation {
    condition     = contains(["earliest-offset", "latest-offset", "group-offsets"], var.startup_mode)
    error_message = "startup_mode must be earliest-offset, latest-offset or group-offsets."
  }
}

variable "subnet_ids" {
  type        = list(string)
  description = "Subnets for the application's ENIs: the cluster's private subnets (network's private_subnet_ids)."
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups for the application's ENIs: the cluster's own group (msk-cluster's security_group_id)."
}

variable "output_bucket_name" {
  type        = string
  description = "Bucket the sink writes to (e.g. firehose-s3's bucket_name)."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.output_bucket_name))
    error_message = "output_bucket_name must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)."
  }
}

variable "output_prefix" {
  type        = string
  description = "Folder in the bucket the application's sink writes to (no leading or trailing slash)."
  default     = "flink/stock-ticks"
}

variable "partition_commit_delay_ms" {
  type        = number
  description = "How long after the end of an hour (by watermark) the application commits its partition with a _SUCCESS file, in ms."
  default     = 3600000
}

