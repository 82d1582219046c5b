# Defaults here size the DEV environment: small and cheap. See ../prod for production sizing.

variable "region" {
  type        = string
  description = "AWS region."
  default     = "eu-west-1"
}

variable "project" {
  type        = string
  description = "Project name, the first part of every resource name."
  default     = "msk-streaming"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.project))
    error_message = "project must be 2-16 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Environment name, the second part of every resource name."
  default     = "dev"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,7}$", var.environment))
    error_message = "environment must be 2-8 lowercase letters or digits."
  }
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource."
  default     = {}
}

# Network ----------------------------------------------------------------------

variable "vpc_cidr" {
  type        = string
  description = "CIDR of the VPC."
  default     = "10.40.0.0/16"
}

variable "az_count" {
  type        = number
  description = "Availability zones (= subnets)."
  default     = 2
}

variable "nat_gateway_mode" {
  type        = string
  description = "single, per_az or none."
  default     = "single"
}

variable "vpc_endpoints" {
  type = object({
    enabled            = optional(bool, false)
    interface_services = optional(list(string), ["lambda", "sts", "secretsmanager", "kinesis-firehose", "ssm", "ssmmessages", "ec2messages", "logs"])
  })
  description = "Interface/gateway endpoints (cost per endpoint and AZ); dev relies on the NAT gateway."
  default     = {}
}

# Cluster ----------------------------------------------------------------------

variable "kafka_version" {
  type        = string
  description = "MSK Kafka version."
  default     = "4.1.x.kraft"
}

variable "broker_count" {
  type        = number
  description = "Brokers (multiple of az_count)."
  default     = 2
}

variable "broker_instance_type" {
  type        = string
  description = "Broker size. Dev uses kafka.t3.small: the cheapest broker, enough for functional tests; it has burst credits, few partitions per broker, and no multi-VPC connectivity (so no Firehose MSK-source mode)."
  default     = "kafka.t3.small"
}

variable "broker_volume_size" {
  type        = number
  description = "EBS GiB per broker."
  default     = 20
}

variable "broker_storage_autoscaling" {
  type = object({
    enabled                    = optional(bool, false)
    max_volume_size            = optional(number, 4000)
    target_utilization_percent = optional(number, 60)
  })
  description = "Broker storage auto scaling."
  default     = {}
}

variable "enhanced_monitoring" {
  type        = string
  description = "MSK metric level."
  default     = "DEFAULT"
}

variable "client_authentication" {
  type = object({
    unauthenticated = optional(bool, false)
    iam             = optional(bool, true)
    scram           = optional(bool, false)
  })
  description = "Access control (the Lambda mappings and topic creation use IAM)."
  default     = {}
}

variable "use_customer_managed_keys" {
  type        = bool
  description = "Customer-managed KMS keys for MSK, S3 and Firehose (dev: AWS-managed keys, no key cost)."
  default     = false
}

variable "client_instance_type" {
  type        = string
  description = "Kafka client instance type."
  default     = "t3.small"
}

variable "topics" {
  type = list(object({
    name               = string
    partitions         = optional(number, 3)
    replication_factor = optional(number, 3)
    config             = optional(map(string), {})
  }))
  description = "Topics created before the mappings (replication at most broker_count)."
  default = [
    { name = "msk-events", partitions = 3, replication_factor = 2 },
  ]
}

# Lambda -----------------------------------------------------------------------

variable "logger_package_path" {
  type        = string
  description = "consumer-logger function.zip; null uses consumer-logger/target/function.zip of this repository."
  default     = null
}

variable "forwarder_package_path" {
  type        = string
  description = "firehose-forwarder function.zip; null uses firehose-forwarder/target/function.zip of this repository."
  default     = null
}

variable "lambda_runtime_mode" {
  type        = string
  description = "jvm (./mvnw package) or native (./mvnw package -Pnative, built for lambda_architecture)."
  default     = "jvm"
}

variable "lambda_architecture" {
  type        = string
  description = "arm64 or x86_64."
  default     = "arm64"
}

variable "lambda_snap_start" {
  type        = bool
  description = "SnapStart for JVM functions."
  default     = false
}

variable "lambda_memory_size" {
  type        = number
  description = "Function memory (MiB)."
  default     = 512
}

variable "logger_topic" {
  type        = string
  description = "Topic read by the logger (one of topics)."
  default     = "msk-events"
}

variable "forwarder_topic" {
  type        = string
  description = "Topic read by the forwarder (one of topics)."
  default     = "msk-events"
}

variable "batch_size" {
  type        = number
  description = "Records per invocation."
  default     = 100
}

variable "starting_position" {
  type        = string
  description = "LATEST or TRIM_HORIZON for new mappings."
  default     = "LATEST"
}

variable "logger_max_value_bytes" {
  type        = number
  description = "Truncate logged values above this size (null: function default)."
  default     = null
}

# Firehose and S3 --------------------------------------------------------------

variable "firehose_buffering_size" {
  type        = number
  description = "MiB."
  default     = 5
}

variable "firehose_buffering_interval" {
  type        = number
  description = "Seconds (dev: deliver quickly)."
  default     = 60
}

variable "firehose_compression_format" {
  type        = string
  description = "Compression of S3 objects."
  default     = "GZIP"
}

variable "force_destroy_buckets" {
  type        = bool
  description = "Allow terraform destroy to empty the buckets (dev only)."
  default     = true
}

# Operations -------------------------------------------------------------------

variable "log_retention_in_days" {
  type        = number
  description = "Retention of all log groups."
  default     = 14
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses notified by the alarms."
  default     = []
}

# Pattern 4: the Studio notebook's Flink SQL ---------------------------------------

variable "studio_notebook_enabled" {
  type        = bool
  description = "Create the Studio notebook (pattern 4) with its rendered note. It bills KPUs only while running; it is created stopped."
  default     = false
}

variable "flink_application_enabled" {
  type        = bool
  description = "Create the Managed Flink application that runs the same SQL continuously (bills KPUs while running)."
  default     = false
}

variable "flink_application_jar_path" {
  type        = string
  description = "Local application jar to upload (flink-sql/target/flink-sql-<version>-application.jar); null when it is already in the output bucket under artifacts/."
  default     = null
}

variable "flink_parallelism" {
  type        = number
  description = "Parallelism of the Managed Flink application (1-256; at most the topic's partition count is useful)."
  default     = 1

  validation {
    condition     = var.flink_parallelism >= 1 && var.flink_parallelism <= 256
    error_message = "flink_parallelism must be between 1 and 256."
  }
}
