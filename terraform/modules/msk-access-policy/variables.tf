################################################################################
# MSK IAM access control (kafka-cluster:* data-plane actions)
################################################################################

variable "kafka_access_enabled" {
  type        = bool
  description = "Whether to produce the kafka-cluster statements (false when the caller does not use IAM access control)."
  default     = true
}

variable "cluster_arn" {
  type        = string
  description = "ARN of the MSK cluster (arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>); topic and group ARNs are built from its name and UUID, so access never spans clusters."
  default     = null

  validation {
    condition     = var.cluster_arn == null || can(regex("^arn:aws[a-z-]*:kafka:[a-z0-9-]+:[0-9]{12}:cluster/[^/]+/[^/]+$", var.cluster_arn))
    error_message = "cluster_arn must be an MSK cluster ARN (arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>)."
  }

  validation {
    condition     = !var.kafka_access_enabled || var.cluster_arn != null
    error_message = "cluster_arn is required when kafka_access_enabled is true."
  }
}

variable "cluster_actions" {
  type        = list(string)
  description = "Actions on the cluster itself (must include kafka-cluster:Connect)."
  default     = ["kafka-cluster:Connect", "kafka-cluster:DescribeClusterDynamicConfiguration"]

  validation {
    condition     = contains(var.cluster_actions, "kafka-cluster:Connect") && alltrue([for a in var.cluster_actions : can(regex("^kafka-cluster:[A-Za-z]+$", a))])
    error_message = "cluster_actions must include kafka-cluster:Connect and list only explicit kafka-cluster actions (no wildcards)."
  }
}

variable "topics" {
  type        = list(string)
  description = "Topic names (or name prefixes ending in *) the topic actions apply to, within this cluster's UUID."
  default     = []

  validation {
    condition     = alltrue([for t in var.topics : t != "" && can(regex("^[a-zA-Z0-9._-]*\\*?$", t))])
    error_message = "topics must be non-empty topic names, optionally ending in *."
  }

  validation {
    condition     = !var.kafka_access_enabled || length(var.topics) > 0
    error_message = "topics needs at least one topic when kafka_access_enabled is true."
  }
}

variable "topic_actions" {
  type        = list(string)
  description = "Actions on the topics: read-only by default (DescribeTopic, ReadData); writers and admins list more, explicitly."
  default     = ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"]

  validation {
    condition     = length(var.topic_actions) > 0 && alltrue([for a in var.topic_actions : can(regex("^kafka-cluster:[A-Za-z]+$", a))])
    error_message = "topic_actions must list explicit kafka-cluster actions (no wildcards)."
  }
}

variable "consumer_groups" {
  type        = list(string)
  description = "Consumer group names (or prefixes ending in *) allowed DescribeGroup and AlterGroup; empty: no group statement."
  default     = []

  validation {
    condition     = alltrue([for g in var.consumer_groups : g != "" && can(regex("^[a-zA-Z0-9._:@=+-]*\\*?$", g))])
    error_message = "consumer_groups must be non-empty group names, optionally ending in *."
  }
}

variable "sids" {
  type = object({
    connect = optional(string, "KafkaConnect")
    topics  = optional(string, "KafkaReadTopic")
    groups  = optional(string, "KafkaConsumerGroup")
  })
  description = "Statement IDs of the three kafka-cluster statements (callers' tests and policies refer to them)."
  default     = {}

  validation {
    condition     = alltrue([for s in values(var.sids) : can(regex("^[A-Za-z0-9]{1,64}$", s))])
    error_message = "sids must be 1-64 letters or digits each."
  }
}

################################################################################
# SCRAM secret (SASL/SCRAM clients read their credentials from Secrets Manager)
################################################################################

variable "scram_secret" {
  type = object({
    arn         = string
    kms_key_arn = string
    # secretsmanager.<region>.<dns suffix>: the only way the key may be used.
    via_service = string
  })
  description = "For a SASL/SCRAM client: the AmazonMSK_ secret it reads and the key that encrypts it (kms:Decrypt through Secrets Manager only). null: no such statements."
  default     = null

  validation {
    condition     = var.scram_secret == null || try(startswith(var.scram_secret.via_service, "secretsmanager.") && var.scram_secret.kms_key_arn != null, false)
    error_message = "scram_secret needs the secret's kms_key_arn and a via_service of secretsmanager.<region>.<dns suffix>."
  }
}

################################################################################
# VPC application (Managed Flink / Studio): own logs and ENIs in the cluster's subnets
################################################################################

variable "vpc_application" {
  type = object({
    log_group_arn = string
    partition     = string
    region        = string
    account_id    = string
  })
  description = "For a Managed Flink application or Studio notebook in a VPC: its log group (write own streams), the account's log groups (describe), and the ENI actions. null: no such statements."
  default     = null

  validation {
    condition     = var.vpc_application == null || try(can(regex("^[0-9]{12}$", var.vpc_application.account_id)) && can(regex("^aws", var.vpc_application.partition)), false)
    error_message = "vpc_application needs a 12-digit account_id and an aws partition."
  }
}

################################################################################
# S3A output (Flink's filesystem sink through flink-s3-fs-hadoop)
################################################################################

variable "s3a_output" {
  type = object({
    bucket_arn = string
    # Folder of the sink, without leading or trailing slash, e.g. flink/stock-ticks.
    prefix = string
  })
  description = "For a Flink job writing through S3A (the s3:// and s3a:// filesystems): the bucket and the sink's folder. Produces the listing, object and path-probe statements S3A needs; null: no such statements."
  default     = null

  validation {
    condition     = var.s3a_output == null || try(can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.s3a_output.bucket_arn)) && can(regex("^[A-Za-z0-9!_.*()=-]+(/[A-Za-z0-9!_.*()=-]+)*$", var.s3a_output.prefix)), false)
    error_message = "s3a_output needs a bucket ARN (arn:<partition>:s3:::<bucket>) and a prefix of folder names separated by '/', without leading or trailing '/'."
  }
}
