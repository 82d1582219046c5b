################################################################################
# General
################################################################################

variable "name" {
  type        = string
  description = "Name of the delivery stream and prefix of the bucket names (2-30 lowercase letters, digits, hyphens). Bucket names get a unique suffix, so several deployments can share an account."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,29}$", var.name))
    error_message = "name must be 2-30 characters of lowercase letters, digits and hyphens, starting with a letter or digit."
  }
}

################################################################################
# Encryption
################################################################################

variable "create_kms_key" {
  type        = bool
  description = "Create a customer-managed KMS key (with rotation) for the buckets' SSE-KMS and the delivery stream. When false and kms_key_arn is null, the AWS-managed aws/s3 key encrypts objects and Firehose uses an AWS-owned key."
  default     = true
}

variable "kms_key_arn" {
  type        = string
  description = "Existing customer-managed KMS key to use instead of creating one."
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }

  validation {
    condition     = !(var.kms_key_arn != null && var.create_kms_key)
    error_message = "Set create_kms_key = false when passing kms_key_arn."
  }
}

variable "kms_deletion_window_in_days" {
  type        = number
  description = "Waiting period before a created KMS key is deleted (7-30 days)."
  default     = 30

  validation {
    condition     = var.kms_deletion_window_in_days >= 7 && var.kms_deletion_window_in_days <= 30
    error_message = "kms_deletion_window_in_days must be between 7 and 30."
  }
}

################################################################################
# Buckets
################################################################################

variable "force_destroy" {
  type        = bool
  description = "Allow destroying the buckets while they still hold objects (handy in dev; keep false in prod)."
  default     = false
}

variable "versioning_enabled" {
  type        = bool
  description = "Enable versioning on the output bucket."
  default     = true
}

variable "lifecycle_rules" {
  type = object({
    abort_incomplete_multipart_upload_days = optional(number, 7)
    intelligent_tiering_after_days         = optional(number, 1)
    noncurrent_version_expiration_days     = optional(number, 30)
    expiration_days                        = optional(number)
  })
  description = "Output bucket lifecycle: abort incomplete uploads (original 7 d), move to INTELLIGENT_TIERING (original 1 d; null disables), expire non-current versions, optionally expire objects."
  default     = {}

  validation {
    condition = (
      var.lifecycle_rules.abort_incomplete_multipart_upload_days >= 1 &&
      (var.lifecycle_rules.intelligent_tiering_after_days == null || try(var.lifecycle_rules.intelligent_tiering_after_days >= 0, false)) &&
      var.lifecycle_rules.noncurrent_version_expiration_days >= 1 &&
      (var.lifecycle_rules.expiration_days == null || try(var.lifecycle_rules.expiration_days >= 1, false))
    )
    error_message = "lifecycle_rules: abort and noncurrent-expiration days must be >= 1, tiering days >= 0 (or null), expiration days >= 1 (or null)."
  }
}

variable "access_logs_retention_days" {
  type        = number
  description = "Days the server access logs are kept in the access-log bucket."
  default     = 90

  validation {
    condition     = var.access_logs_retention_days >= 1
    error_message = "access_logs_retention_days must be at least 1."
  }
}

################################################################################
# Delivery stream
################################################################################

variable "buffering_size" {
  type        = number
  description = "Buffer size in MiB before delivery (1-128; original 5). Must be at least 64 with dynamic partitioning."
  default     = 5

  validation {
    condition     = var.buffering_size >= 1 && var.buffering_size <= 128
    error_message = "buffering_size must be between 1 and 128 MiB."
  }
}

variable "buffering_interval" {
  type        = number
  description = "Buffer interval in seconds before delivery (0-900; original 300). Below 60 s Firehose uses multipart uploads (more S3 requests)."
  default     = 300

  validation {
    condition     = var.buffering_interval >= 0 && var.buffering_interval <= 900
    error_message = "buffering_interval must be between 0 and 900 seconds."
  }
}

variable "compression_format" {
  type        = string
  description = "Compression of delivered objects: GZIP (original default), HADOOP_SNAPPY, Snappy, ZIP or UNCOMPRESSED."
  default     = "GZIP"

  validation {
    condition     = contains(["GZIP", "HADOOP_SNAPPY", "Snappy", "UNCOMPRESSED", "ZIP"], var.compression_format)
    error_message = "compression_format must be one of: GZIP, HADOOP_SNAPPY, Snappy, UNCOMPRESSED, ZIP."
  }
}

variable "prefix" {
  type        = string
  description = "S3 key prefix of delivered objects (the original's Hive-style prefix). With dynamic partitioning it must use !{partitionKeyFromQuery:<key>}."
  default     = "data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/"

  validation {
    condition     = length(var.prefix) <= 1024
    error_message = "prefix must be at most 1024 characters."
  }
}

variable "error_output_prefix" {
  type        = string
  description = "S3 key prefix for records Firehose could not deliver or process; must contain !{firehose:error-output-type} when the prefix uses expressions."
  default     = "errors/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:error-output-type}"

  validation {
    condition     = length(var.error_output_prefix) <= 1024 && strcontains(var.error_output_prefix, "!{firehose:error-output-type}")
    error_message = "error_output_prefix must be at most 1024 characters and contain !{firehose:error-output-type}."
  }
}

variable "file_extension" {
  type        = string
  description = "Extension of delivered objects (e.g. .json.gz). Null lets Firehose choose."
  default     = null

  validation {
    condition     = var.file_extension == null || can(regex("^\\.[0-9a-z!\\-_.*'()]{1,127}$", var.file_extension))
    error_message = "file_extension must start with a dot and use lowercase letters, digits and !-_.*'() (max 128 characters)."
  }
}

variable "custom_time_zone" {
  type        = string
  description = "Time zone of the !{timestamp:...} expressions (IANA name)."
  default     = "UTC"
}

variable "log_retention_in_days" {
  type        = number
  description = "Retention of the delivery stream's error log group."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "log_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the error log group (its policy must let logs.<region>.amazonaws.com use it for this log group, as modules/kms-key does). Null: CloudWatch Logs' own encryption."
  default     = null

  validation {
    condition     = var.log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "dynamic_partitioning" {
  type = object({
    enabled = optional(bool, false)
    # jq 1.6 expression producing the partition keys from each (de-aggregated) JSON record.
    jq_query = optional(string, "{ticker: .ticker}")
    # Split each Firehose record into the newline-delimited Kafka records the forwarder packed into it.
    deaggregate        = optional(bool, true)
    sub_record_type    = optional(string, "DELIMITED")
    delimiter          = optional(string, "\n")
    append_delimiter   = optional(bool, true)
    retry_duration     = optional(number, 300)
    partitioned_prefix = optional(string, "data/ticker=!{partitionKeyFromQuery:ticker}/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/")
  })
  description = "Partition S3 output by a JSON field with jq (records must be JSON). Because the forwarder packs many newline-delimited records into one Firehose record, de-aggregation (RecordDeAggregation, DELIMITED on a newline) is on by default. Needs buffering_size >= 64."
  default     = {}

  validation {
    condition     = !var.dynamic_partitioning.enabled || (length(var.dynamic_partitioning.jq_query) >= 1 && length(var.dynamic_partitioning.jq_query) <= 4096)
    error_message = "dynamic_partitioning.jq_query must be 1-4096 characters."
  }

  validation {
    condition     = contains(["DELIMITED", "JSON"], var.dynamic_partitioning.sub_record_type)
    error_message = "dynamic_partitioning.sub_record_type must be DELIMITED or JSON."
  }

  validation {
    condition     = var.dynamic_partitioning.retry_duration >= 0 && var.dynamic_partitioning.retry_duration <= 7200
    error_message = "dynamic_partitioning.retry_duration must be between 0 and 7200 seconds."
  }

  validation {
    condition     = !var.dynamic_partitioning.enabled || strcontains(var.dynamic_partitioning.partitioned_prefix, "!{partitionKeyFromQuery:")
    error_message = "dynamic_partitioning.partitioned_prefix must use at least one !{partitionKeyFromQuery:<key>} expression."
  }

  validation {
    condition     = !var.dynamic_partitioning.enabled || var.buffering_size >= 64
    error_message = "Dynamic partitioning requires buffering_size >= 64 MiB (Firehose rejects smaller buffers)."
  }
}

variable "msk_source" {
  type = object({
    cluster_arn  = string
    topic_name   = string
    connectivity = optional(string, "PRIVATE")
    # RFC 3339; 1970-01-01T00:00:00Z means "earliest". Null: from when the stream becomes ACTIVE.
    read_from_timestamp = optional(string)
  })
  description = "Optional: let Firehose read one MSK topic directly instead of the Lambda forwarder. Requires IAM access control and multi-VPC connectivity (PRIVATE) on the cluster, not on kafka.t3.small; no key/headers reach S3; one topic per stream. Null: Direct PUT (the forwarder)."
  default     = null

  validation {
    condition     = var.msk_source == null || can(regex("^arn:aws[a-z-]*:kafka:[a-z0-9-]+:[0-9]{12}:cluster/[^/]+/[^/]+$", var.msk_source.cluster_arn))
    error_message = "msk_source.cluster_arn must be an MSK cluster ARN."
  }

  validation {
    condition     = var.msk_source == null || try(contains(["PRIVATE", "PUBLIC"], var.msk_source.connectivity), false)
    error_message = "msk_source.connectivity must be PRIVATE or PUBLIC."
  }

  validation {
    condition     = var.msk_source == null || can(regex("^[a-zA-Z0-9._-]{1,249}$", var.msk_source.topic_name))
    error_message = "msk_source.topic_name must be a valid Kafka topic name."
  }
}

################################################################################
# Shared analytics pieces (used by the Studio notebook / Flink modules)
################################################################################

variable "glue_database_name" {
  type        = string
  description = "Create a Glue Data Catalog database with this name (lowercase letters, digits, underscores) for Athena and the Studio notebook. Null: none. Account-wide catalog encryption settings are deliberately not touched."
  default     = null

  validation {
    condition     = var.glue_database_name == null || can(regex("^[a-z0-9_]{1,255}$", var.glue_database_name))
    error_message = "glue_database_name must be 1-255 lowercase letters, digits or underscores (no dashes)."
  }
}

variable "query" {
  type = object({
    enabled = optional(bool, false)
    # Glue table over the backup, in glue_database_name.
    table_name = optional(string, "records")
    # First year the partition projection covers; Athena computes the partitions from then to the year 2099.
    first_year = optional(number, 2025)
    # Athena query results expire after this many days.
    results_expiration_in_days = optional(number, 7)
    # A query scanning more than this is cancelled (10 GiB by default; Athena's minimum is 10 MiB).
    bytes_scanned_cutoff_per_query = optional(number, 10737418240)
  })
  description = "Query the backup with Athena: a Glue table over the forwarder's envelope lines under prefix (partition projection on its year=/month=/day=/hour= layout, no crawler), an Athena workgroup whose results are encrypted and expire, and named queries. Needs glue_database_name, the default date prefix layout, no dynamic partitioning, GZIP or UNCOMPRESSED, and the forwarder's OUTPUT_FORMAT = envelope."
  default     = {}

  validation {
    condition     = can(regex("^[a-z0-9_]{1,255}$", var.query.table_name))
    error_message = "query.table_name must be 1-255 lowercase letters, digits or underscores."
  }

  validation {
    condition     = var.query.first_year >= 2000 && var.query.first_year <= 2099 && floor(var.query.first_year) == var.query.first_year
    error_message = "query.first_year must be a year from 2000 to 2099."
  }

  validation {
    condition     = var.query.results_expiration_in_days >= 1 && floor(var.query.results_expiration_in_days) == var.query.results_expiration_in_days
    error_message = "query.results_expiration_in_days must be a whole number of days, at least 1."
  }

  validation {
    condition     = var.query.bytes_scanned_cutoff_per_query >= 10485760
    error_message = "query.bytes_scanned_cutoff_per_query must be at least 10485760 (10 MiB, Athena's minimum)."
  }

  validation {
    condition     = !var.query.enabled || var.glue_database_name != null
    error_message = "query.enabled needs glue_database_name: the table is created in that database."
  }

  validation {
    condition     = !var.query.enabled || (!var.dynamic_partitioning.enabled && can(regex("^(.*/)?year=!\\{timestamp:yyyy\\}/month=!\\{timestamp:MM\\}/day=!\\{timestamp:dd\\}/hour=!\\{timestamp:HH\\}/$", var.prefix)))
    error_message = "query.enabled needs prefix to end in year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/ (the default) and dynamic partitioning off: the table projects exactly that layout."
  }

  validation {
    condition     = !var.query.enabled || contains(["GZIP", "UNCOMPRESSED"], var.compression_format)
    error_message = "query.enabled needs compression_format GZIP or UNCOMPRESSED (Athena reads .gz objects by their extension)."
  }

  validation {
    condition     = !var.query.enabled || var.compression_format != "GZIP" || var.file_extension == null || endswith(coalesce(var.file_extension, ".gz"), ".gz")
    error_message = "query.enabled with GZIP needs file_extension null or ending in .gz: Athena decompresses by extension."
  }
}
