################################################################################
# General
################################################################################

variable "project" {
  type        = string
  description = "Project name, the first part of every resource name (2-16 lowercase letters, digits or hyphens)."
  default     = "msk-streaming"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.project))
    error_message = "project must be 2-16 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Environment name, the second part of every resource name (2-8 lowercase letters or digits)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,7}$", var.environment))
    error_message = "environment must be 2-8 lowercase letters or digits."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource (Project, Environment and ManagedBy are added and take precedence)."
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256])
    error_message = "tags keys must be 1-128 and values at most 256 characters."
  }
}

variable "log_retention_in_days" {
  type        = number
  description = "Retention of every log group (a CloudWatch Logs retention value)."

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "use_customer_managed_keys" {
  type        = bool
  description = "Customer-managed rotating KMS keys for MSK, S3 and Firehose (false: AWS-managed keys, no key cost)."
}

################################################################################
# Network and cluster (pattern 1)
################################################################################

variable "network" {
  type = object({
    vpc_cidr         = string
    az_count         = number
    nat_gateway_mode = string
    vpc_endpoints = optional(object({
      enabled            = optional(bool, false)
      interface_services = optional(list(string), ["lambda", "sts", "secretsmanager", "kinesis-firehose", "ssm", "ssmmessages", "ec2messages", "logs"])
    }), {})
  })
  description = "VPC sizing: CIDR (/16-/24), AZ count (2 or 3, one private subnet each), NAT mode (single, per_az or none) and interface/gateway endpoints (cost per endpoint and AZ)."

  validation {
    condition     = can(cidrhost(var.network.vpc_cidr, 0)) && var.network.az_count >= 2 && var.network.az_count <= 3
    error_message = "network.vpc_cidr must be a CIDR block and network.az_count 2 or 3."
  }

  validation {
    condition     = contains(["single", "per_az", "none"], var.network.nat_gateway_mode)
    error_message = "network.nat_gateway_mode must be single, per_az or none."
  }
}

variable "cluster" {
  type = object({
    kafka_version        = optional(string, "4.1.x.kraft")
    broker_count         = number
    broker_instance_type = string
    broker_volume_size   = number
    storage_autoscaling = optional(object({
      enabled                    = optional(bool, false)
      max_volume_size            = optional(number, 4000)
      target_utilization_percent = optional(number, 60)
    }), {})
    enhanced_monitoring = optional(string, "DEFAULT")
    client_authentication = optional(object({
      unauthenticated = optional(bool, false)
      iam             = optional(bool, true)
      scram           = optional(bool, false)
    }), {})
    client_instance_type = optional(string, "t3.small")
  })
  description = "MSK cluster sizing: Kafka version, brokers (a multiple of network.az_count), broker type (kafka.t3.small has no multi-VPC connectivity), EBS GiB per broker (1-16384), storage auto scaling, metric level, access control (the Lambda mappings and topic creation use IAM) and the Kafka client instance type."

  validation {
    condition     = var.cluster.broker_count >= 2 && var.cluster.broker_count % var.network.az_count == 0
    error_message = "cluster.broker_count must be at least 2 and a multiple of network.az_count."
  }

  validation {
    condition     = var.cluster.broker_volume_size >= 1 && var.cluster.broker_volume_size <= 16384
    error_message = "cluster.broker_volume_size must be 1-16384 GiB."
  }
}

variable "topics" {
  type = list(object({
    name               = string
    partitions         = optional(number, 3)
    replication_factor = optional(number, 3)
    config             = optional(map(string), {})
  }))
  description = "Topics created before the mappings (unique names, replication factor at most cluster.broker_count)."

  validation {
    condition     = length(var.topics) > 0 && length(distinct([for t in var.topics : t.name])) == length(var.topics)
    error_message = "topics must hold at least one topic and unique names."
  }

  validation {
    condition     = alltrue([for t in var.topics : t.replication_factor <= var.cluster.broker_count])
    error_message = "topics: replication_factor must not exceed cluster.broker_count."
  }
}

################################################################################
# Lambda consumers (patterns 2 and 3)
################################################################################

variable "functions" {
  type = object({
    logger_package_path    = optional(string)
    forwarder_package_path = optional(string)
    runtime_mode           = optional(string, "jvm")
    architecture           = optional(string, "arm64")
    snap_start             = optional(bool, false)
    memory_size            = optional(number, 512)
    logger_topic           = optional(string, "msk-events")
    forwarder_topic        = optional(string, "msk-events")
    batch_size             = optional(number, 100)
    starting_position      = optional(string, "LATEST")
    logger_max_value_bytes = optional(number)
  })
  description = "Both Lambda consumers: package paths (null: <repo>/consumer-logger|firehose-forwarder/target/function.zip), jvm or native, arm64 or x86_64, SnapStart (JVM only), memory MiB, the topics they read (each one of topics), batch size, LATEST or TRIM_HORIZON, and the logger's value truncation (null: function default)."
  default     = {}

  validation {
    condition     = contains(["jvm", "native"], var.functions.runtime_mode) && contains(["arm64", "x86_64"], var.functions.architecture)
    error_message = "functions.runtime_mode must be jvm or native and functions.architecture arm64 or x86_64."
  }

  validation {
    condition     = contains([for t in var.topics : t.name], var.functions.logger_topic) && contains([for t in var.topics : t.name], var.functions.forwarder_topic)
    error_message = "functions.logger_topic and functions.forwarder_topic must each be one of topics."
  }
}

################################################################################
# Firehose and S3 (pattern 3 output)
################################################################################

variable "firehose" {
  type = object({
    buffering_size        = optional(number, 5)
    buffering_interval    = optional(number, 300)
    compression_format    = optional(string, "GZIP")
    force_destroy_buckets = optional(bool, false)
  })
  description = "Delivery stream buffering (1-128 MiB, 0-900 s), S3 object compression, and whether terraform destroy may empty the buckets."
  default     = {}

  validation {
    condition     = var.firehose.buffering_size >= 1 && var.firehose.buffering_size <= 128 && var.firehose.buffering_interval >= 0 && var.firehose.buffering_interval <= 900
    error_message = "firehose.buffering_size must be 1-128 MiB and firehose.buffering_interval 0-900 s."
  }
}

################################################################################
# Monitoring
################################################################################

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses notified by the alarms."
  default     = []

  validation {
    condition     = alltrue([for e in var.alarm_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alarm_emails must be e-mail addresses."
  }
}

################################################################################
# Studio notebook and Managed Flink application (pattern 4)
################################################################################

variable "pattern_4" {
  type = object({
    studio_notebook_enabled    = optional(bool, false)
    flink_application_enabled  = optional(bool, false)
    flink_application_jar_path = optional(string)
    flink_parallelism          = optional(number, 1)
  })
  description = "Studio notebook (created stopped; bills KPUs only while running) and Managed Flink application running the same SQL (bills KPUs while running): toggles, the local application jar to upload (null: already in the output bucket under artifacts/) and its parallelism (1-256)."
  default     = {}

  validation {
    condition     = var.pattern_4.flink_parallelism >= 1 && var.pattern_4.flink_parallelism <= 256
    error_message = "pattern_4.flink_parallelism must be between 1 and 256."
  }
}
