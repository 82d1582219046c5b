################################################################################
# General
################################################################################

variable "kind" {
  type        = string
  description = "What runs on the role: application (a Managed Flink application) or studio (a Studio notebook). Names the role, its policy and the log stream."

  validation {
    condition     = contains(["application", "studio"], var.kind)
    error_message = "kind must be application or studio."
  }
}

variable "name" {
  type        = string
  description = "Name of the application or notebook (2-40 lowercase letters, digits, hyphens); prefixes every resource name."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,39}$", var.name))
    error_message = "name must be 2-40 characters of lowercase letters, digits and hyphens, starting with a letter or digit."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags of the role and the log group (providers' default_tags add to them)."
  default     = {}
}

################################################################################
# Runtime settings both kinds take (validated here, applied by the caller)
################################################################################

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
  description = "Flink log level: DEBUG, INFO, WARN or ERROR."
  default     = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO", "WARN", "ERROR"], var.log_level)
    error_message = "log_level must be DEBUG, INFO, WARN or ERROR."
  }
}

variable "log_retention_in_days" {
  type        = number
  description = "Retention of the log group, one of CloudWatch's allowed values."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be one of CloudWatch's values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
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

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key of the buckets the role reads and writes: the role may use it through S3 only. Null: SSE-S3, no KMS statement."
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

################################################################################
# Cluster and source table
################################################################################

variable "cluster_arn" {
  type        = string
  description = "ARN of the MSK cluster (msk-cluster's cluster_arn); scopes the kafka-cluster permissions."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kafka:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9-]+/[A-Za-z0-9-]+$", var.cluster_arn))
    error_message = "cluster_arn must be an MSK cluster ARN (arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>)."
  }
}

variable "iam_access" {
  type        = bool
  description = "The job authenticates with IAM access control: the role gets read-only kafka-cluster permissions on the topic and group."
  default     = true
}

variable "bootstrap_servers" {
  type        = string
  description = "Bootstrap servers of the chosen access control (msk-cluster's bootstrap_brokers_sasl_iam, _tls or _sasl_scram)."

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
  description = "Kafka consumer group of the source table."

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]{1,255}$", var.consumer_group_id))
    error_message = "consumer_group_id must be 1-255 characters of letters, digits, '.', '_' and '-'."
  }
}

variable "subnet_ids" {
  type        = list(string)
  description = "Subnets for the ENIs: the cluster's private subnets (network's private_subnet_ids)."

  validation {
    condition     = length(var.subnet_ids) >= 1 && length(var.subnet_ids) <= 16 && alltrue([for s in var.subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))])
    error_message = "subnet_ids must hold 1-16 subnet IDs (subnet-...)."
  }
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups for the ENIs: the cluster's own group (msk-cluster's security_group_id), which admits its members."

  validation {
    condition     = length(var.security_group_ids) >= 1 && length(var.security_group_ids) <= 5 && alltrue([for s in var.security_group_ids : can(regex("^sg-[0-9a-f]+$", s))])
    error_message = "security_group_ids must hold 1-5 security group IDs (sg-...)."
  }
}

################################################################################
# Sink
################################################################################

variable "output_bucket_arn" {
  type        = string
  description = "ARN of the bucket the sink writes to (null only with create = false)."
  default     = null
}

variable "output_prefix" {
  type        = string
  description = "Folder in the bucket the sink writes to (no leading or trailing slash)."

  validation {
    condition     = can(regex("^[A-Za-z0-9!_.*()-]+(/[A-Za-z0-9!_.*()-]+)*$", var.output_prefix))
    error_message = "output_prefix must be folder names separated by '/', without leading or trailing '/'."
  }
}

variable "partition_commit_delay_ms" {
  type        = number
  description = "How long after the end of an hour (by watermark) its partition gets a _SUCCESS file, in milliseconds (default one hour)."
  default     = 3600000

  validation {
    condition     = var.partition_commit_delay_ms >= 0 && floor(var.partition_commit_delay_ms) == var.partition_commit_delay_ms
    error_message = "partition_commit_delay_ms must be a whole number of milliseconds, 0 or more."
  }
}

variable "checkpoint_interval_ms" {
  type        = number
  description = "Checkpoint interval in ms; the sink writes files and commits partitions on checkpoints (default one minute)."
  default     = 60000

  validation {
    condition     = var.checkpoint_interval_ms >= 1000 && floor(var.checkpoint_interval_ms) == var.checkpoint_interval_ms
    error_message = "checkpoint_interval_ms must be a whole number of milliseconds, at least 1000."
  }
}

################################################################################
# What only one kind needs
################################################################################

variable "extra_statements" {
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  description = "Statements of the caller's own (the application's jar, the notebook's catalog), placed after the log and ENI statements."
  default     = []
}

variable "encryption_context_bucket_arns" {
  type        = list(string)
  description = "Further buckets (besides the output bucket) whose objects the role decrypts or encrypts with kms_key_arn, e.g. the application's code bucket."
  default     = []
}
