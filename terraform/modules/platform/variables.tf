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
  description = "Customer-managed rotating KMS keys with explicit policies (modules/kms-key): MSK and its SCRAM secrets, S3 and Firehose, every log group, and the alarm topic. False: AWS-managed keys and CloudWatch Logs' own encryption, an unencrypted alarm topic (CloudWatch cannot publish to one under the AWS-managed key), no key cost."
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse any plan that destroys or replaces the MSK cluster, the output bucket or the customer-managed keys, terraform destroy included (a terraform_data guard with prevent_destroy that tracks their ARNs). To remove it: terraform state rm the guard (output deletion_protection_guard), then set this to false."
  default     = false
}

################################################################################
# Network and cluster (pattern 1)
################################################################################

variable "network" {
  type = object({
    vpc_cidr         = optional(string)
    az_count         = optional(number, 2)
    nat_gateway_mode = optional(string, "single")
    vpc_endpoints = optional(object({
      enabled            = optional(bool, false)
      interface_services = optional(list(string), ["lambda", "sts", "secretsmanager", "kinesis-firehose", "ssm", "ssmmessages", "ec2messages", "logs"])
    }), {})
    existing_vpc = optional(object({
      vpc_id             = string
      private_subnet_ids = list(string)
      # Route tables of those subnets: needed to attach the S3 gateway endpoint.
      private_route_table_ids = optional(list(string), [])
      # Every private subnet routes 0.0.0.0/0 to a NAT gateway.
      nat_gateway = bool
      # Endpoints the VPC already has, so the module does not add them.
      s3_gateway_endpoint_exists = optional(bool, false)
      interface_endpoints        = optional(list(string), [])
    }))
  })
  description = "Network: a new VPC (vpc_cidr /16-/24, az_count 2 or 3, nat_gateway_mode single or per_az) or an existing one (existing_vpc: vpc_id, 2-3 private subnets in different AZs, their route tables, whether they route to a NAT gateway, endpoints it already has), plus optional interface endpoints (vpc_endpoints; cost per endpoint and AZ). The Kafka client needs internet through NAT; the event source mappings need NAT or Lambda and STS endpoints; an on-failure destination needs an endpoint for its service."

  validation {
    condition     = var.network.existing_vpc != null || (can(cidrhost(var.network.vpc_cidr, 0)) && var.network.az_count >= 2 && var.network.az_count <= 3)
    error_message = "A new VPC needs network.vpc_cidr (a CIDR block such as 10.40.0.0/16) and network.az_count 2 or 3; or set network.existing_vpc."
  }

  validation {
    condition     = contains(["single", "per_az", "none"], var.network.nat_gateway_mode)
    error_message = "network.nat_gateway_mode must be single, per_az or none."
  }

  # The client instance downloads the Kafka CLI and the IAM auth library from the internet at first boot, and
  # the topics are created from it: without NAT the first apply would wait for topics that never come.
  validation {
    condition     = var.network.existing_vpc != null || var.network.nat_gateway_mode != "none"
    error_message = "network.nat_gateway_mode = none leaves the Kafka client without internet (it installs the Kafka CLI at first boot and creates the topics): use single or per_az."
  }

  validation {
    condition     = try(var.network.existing_vpc.nat_gateway, true)
    error_message = "network.existing_vpc.nat_gateway must be true: the private subnets need a route to a NAT gateway for the Kafka client's first boot (and, unless Lambda and STS endpoints exist, for the event source mappings). Add a NAT route to those subnets first."
  }

  validation {
    condition = var.network.existing_vpc == null || try(
      can(regex("^vpc-[0-9a-f]+$", var.network.existing_vpc.vpc_id)) &&
      length(var.network.existing_vpc.private_subnet_ids) >= 2 && length(var.network.existing_vpc.private_subnet_ids) <= 3 &&
      length(distinct(var.network.existing_vpc.private_subnet_ids)) == length(var.network.existing_vpc.private_subnet_ids) &&
      alltrue([for id in var.network.existing_vpc.private_subnet_ids : can(regex("^subnet-[0-9a-f]+$", id))]),
    false)
    error_message = "network.existing_vpc needs a vpc_id (vpc-...) and 2 or 3 distinct private subnet IDs (subnet-...), one per AZ: MSK spreads the brokers over them and the mappings' pollers and the Flink ENIs use them too."
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
  description = "MSK cluster sizing: Kafka version, brokers (a multiple of the AZ count), broker type (kafka.t3.small has no multi-VPC connectivity), EBS GiB per broker (1-16384), storage auto scaling, metric level, access control (the Lambda mappings and topic creation use IAM) and the Kafka client instance type."

  validation {
    condition     = var.cluster.broker_count >= 2 && var.cluster.broker_count % (var.network.existing_vpc != null ? length(var.network.existing_vpc.private_subnet_ids) : var.network.az_count) == 0
    error_message = "cluster.broker_count must be at least 2 and a multiple of the number of AZs (network.az_count, or the number of network.existing_vpc.private_subnet_ids)."
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
    logger_package_path         = optional(string)
    forwarder_package_path      = optional(string)
    runtime_mode                = optional(string, "jvm")
    architecture                = optional(string, "arm64")
    snap_start                  = optional(bool, false)
    memory_size                 = optional(number, 512)
    logger_topic                = optional(string, "msk-events")
    forwarder_topic             = optional(string, "msk-events")
    batch_size                  = optional(number, 100)
    starting_position           = optional(string, "LATEST")
    logger_max_value_bytes      = optional(number)
    logger_tiered_stop_at_level = optional(number)
  })
  description = "Both Lambda consumers: package paths (null: <repo>/consumer-logger|firehose-forwarder/target/function.zip), jvm or native, arm64 or x86_64, SnapStart (JVM only), memory MiB, the topics they read (each one of topics), batch size, LATEST or TRIM_HORIZON, the logger's value truncation (null: function default) and how far the JVM compiles the logger (null: 4 from a memory_size of 1769 MB, which Lambda gives one full vCPU, else 1; 4: full tiered compilation, C2 included, measured faster from about the 100th invocation of an execution environment with one vCPU, still behind after 300 at 512 MB's share; 1: C1 only, the java21 runtime's own setting, as the forwarder always runs; JVM only, see the msk-lambda module's tiered_stop_at_level)."
  default     = {}

  validation {
    condition     = contains(["jvm", "native"], var.functions.runtime_mode) && contains(["arm64", "x86_64"], var.functions.architecture)
    error_message = "functions.runtime_mode must be jvm or native and functions.architecture arm64 or x86_64."
  }

  validation {
    condition     = var.functions.logger_tiered_stop_at_level == null || contains([1, 4], var.functions.logger_tiered_stop_at_level == null ? 1 : var.functions.logger_tiered_stop_at_level)
    error_message = "functions.logger_tiered_stop_at_level must be null (chosen from memory_size), 1 (C1 only) or 4 (full tiered compilation)."
  }

  validation {
    condition     = contains([for t in var.topics : t.name], var.functions.logger_topic) && contains([for t in var.topics : t.name], var.functions.forwarder_topic)
    error_message = "functions.logger_topic and functions.forwarder_topic must each be one of topics."
  }

  validation {
    condition     = var.functions.logger_max_value_bytes == null || try(var.functions.logger_max_value_bytes >= 0 && floor(var.functions.logger_max_value_bytes) == var.functions.logger_max_value_bytes, false)
    error_message = "functions.logger_max_value_bytes must be null (the function's default) or a whole, non-negative number of bytes."
  }
}

variable "failure_handling" {
  type = object({
    # Provisioned mode for both mappings; null keeps on-demand scaling (no poller cost).
    provisioned_pollers = optional(object({
      minimum = optional(number, 1)
      maximum = optional(number, 200)
    }))
    # The next three are accepted by Lambda on Kafka mappings only in provisioned mode.
    maximum_retry_attempts         = optional(number)
    maximum_record_age_in_seconds  = optional(number)
    bisect_batch_on_function_error = optional(bool, false)
    # none, output-bucket (the Firehose output bucket: Lambda writes the whole invocation record there), or the
    # ARN of an SQS queue, SNS topic or S3 bucket (SQS and SNS receive metadata only).
    on_failure_destination             = optional(string, "none")
    on_failure_destination_kms_key_arn = optional(string)
    # The forwarder's FAILURE_STRATEGY: fail, report-batch-item-failures (provisioned mode) or dead-letter.
    forwarder_strategy = optional(string, "dead-letter")
  })
  description = "What happens when the functions cannot process a batch: provisioned pollers (minimum 1-200, maximum 1-2000), retry limit (-1 or 0-10000), maximum record age (-1 or 60-604800 s) and bisect (all three provisioned mode only), an on-failure destination, and the forwarder's FAILURE_STRATEGY. The defaults (on-demand, dead-letter) neither stall a partition nor lose a record."
  default     = {}

  validation {
    condition = var.failure_handling.provisioned_pollers == null || try(
      var.failure_handling.provisioned_pollers.minimum >= 1 && var.failure_handling.provisioned_pollers.minimum <= 200 &&
      var.failure_handling.provisioned_pollers.maximum >= 1 && var.failure_handling.provisioned_pollers.maximum <= 2000 &&
      var.failure_handling.provisioned_pollers.minimum <= var.failure_handling.provisioned_pollers.maximum,
    false)
    error_message = "failure_handling.provisioned_pollers: minimum 1-200, maximum 1-2000, minimum <= maximum."
  }

  validation {
    condition = var.failure_handling.provisioned_pollers != null || (
      var.failure_handling.maximum_retry_attempts == null && var.failure_handling.maximum_record_age_in_seconds == null &&
      !var.failure_handling.bisect_batch_on_function_error && var.failure_handling.forwarder_strategy != "report-batch-item-failures"
    )
    error_message = "failure_handling.maximum_retry_attempts, maximum_record_age_in_seconds, bisect_batch_on_function_error and forwarder_strategy = report-batch-item-failures need failure_handling.provisioned_pollers: Lambda accepts them on Kafka mappings only in provisioned mode. Set provisioned_pollers, or use forwarder_strategy = dead-letter in on-demand mode."
  }

  validation {
    condition     = contains(["fail", "report-batch-item-failures", "dead-letter"], var.failure_handling.forwarder_strategy)
    error_message = "failure_handling.forwarder_strategy must be fail, report-batch-item-failures or dead-letter."
  }

  validation {
    condition = (
      (var.failure_handling.maximum_retry_attempts == null || try(var.failure_handling.maximum_retry_attempts >= -1 && var.failure_handling.maximum_retry_attempts <= 10000, false)) &&
      (var.failure_handling.maximum_record_age_in_seconds == null || try(var.failure_handling.maximum_record_age_in_seconds == -1 || (var.failure_handling.maximum_record_age_in_seconds >= 60 && var.failure_handling.maximum_record_age_in_seconds <= 604800), false))
    )
    error_message = "failure_handling.maximum_retry_attempts must be -1 or 0-10000 and maximum_record_age_in_seconds -1 or 60-604800."
  }

  validation {
    condition     = (try(var.failure_handling.maximum_retry_attempts < 0, true) && try(var.failure_handling.maximum_record_age_in_seconds < 0, true)) || var.failure_handling.on_failure_destination != "none"
    error_message = "A finite failure_handling.maximum_retry_attempts or maximum_record_age_in_seconds needs an on_failure_destination (output-bucket or an ARN): Lambda discards the batch afterwards."
  }

  validation {
    condition     = contains(["none", "output-bucket"], var.failure_handling.on_failure_destination) || can(regex("^arn:aws[a-z-]*:(sqs|sns|s3):.+$", var.failure_handling.on_failure_destination))
    error_message = "failure_handling.on_failure_destination must be none, output-bucket, or an SQS queue, SNS topic or S3 bucket ARN."
  }

  validation {
    condition     = var.failure_handling.forwarder_strategy != "fail" || var.failure_handling.provisioned_pollers != null
    error_message = "failure_handling.forwarder_strategy = fail in on-demand mode retries a batch until its records expire from the topic (a Firehose outage or a poison record stalls the partition that long): use dead-letter, or provisioned_pollers with a finite maximum_retry_attempts and an on_failure_destination."
  }

  validation {
    condition     = var.failure_handling.forwarder_strategy != "fail" || var.failure_handling.provisioned_pollers == null || try(var.failure_handling.maximum_retry_attempts >= 0, false)
    error_message = "failure_handling.forwarder_strategy = fail needs a finite maximum_retry_attempts (and an on_failure_destination), or a failing batch blocks its partition until the records expire."
  }

  # Lambda requires an endpoint for the destination's service in the cluster's VPC.
  validation {
    condition = (
      !(var.failure_handling.on_failure_destination == "output-bucket" || can(regex("^arn:aws[a-z-]*:s3:", var.failure_handling.on_failure_destination))) ||
      var.network.existing_vpc == null ||
      try(var.network.existing_vpc.s3_gateway_endpoint_exists || length(var.network.existing_vpc.private_route_table_ids) > 0, false)
    )
    error_message = "An S3 on-failure destination needs an S3 endpoint in the cluster's VPC: set network.existing_vpc.private_route_table_ids (the platform adds the gateway endpoint) or network.existing_vpc.s3_gateway_endpoint_exists = true."
  }

  validation {
    condition = !can(regex("^arn:aws[a-z-]*:(sqs|sns):", var.failure_handling.on_failure_destination)) || try(
      (var.network.vpc_endpoints.enabled && contains(var.network.vpc_endpoints.interface_services, split(":", var.failure_handling.on_failure_destination)[2])) ||
      contains(var.network.existing_vpc.interface_endpoints, split(":", var.failure_handling.on_failure_destination)[2]),
    false)
    error_message = "An SQS or SNS on-failure destination needs an interface endpoint for that service in the cluster's VPC: add it to network.vpc_endpoints.interface_services (with enabled = true) or list it in network.existing_vpc.interface_endpoints."
  }

  validation {
    condition     = var.failure_handling.on_failure_destination_kms_key_arn == null || (!contains(["none", "output-bucket"], var.failure_handling.on_failure_destination) && can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", coalesce(var.failure_handling.on_failure_destination_kms_key_arn, "-"))))
    error_message = "failure_handling.on_failure_destination_kms_key_arn is the key ARN of a destination given by ARN (output-bucket uses the platform's own key)."
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
    query_enabled         = optional(bool, false)
  })
  description = "Delivery stream buffering (1-128 MiB, 0-900 s), S3 object compression (GZIP or UNCOMPRESSED with query_enabled), whether terraform destroy may empty the buckets, and query_enabled: a Glue table, an Athena workgroup and named queries over the backup, with the forwarder writing envelopes (OUTPUT_FORMAT = envelope) that the table reads."
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
  description = "Studio notebook (created stopped; bills KPUs only while running) and Managed Flink application running the same SQL (bills KPUs while running): toggles, the local application jar to upload (required with the application: ./mvnw -pl flink-sql package builds flink-sql/target/flink-sql-<version>-application.jar) and its parallelism (1-256)."
  default     = {}

  validation {
    condition     = !var.pattern_4.flink_application_enabled || var.pattern_4.flink_application_jar_path != null
    error_message = "pattern_4.flink_application_enabled needs pattern_4.flink_application_jar_path: nothing else uploads the application jar, and the application would point at an object that does not exist. Build it with ./mvnw -pl flink-sql package and set the path of flink-sql/target/flink-sql-<version>-application.jar."
  }

  validation {
    condition     = var.pattern_4.flink_parallelism >= 1 && var.pattern_4.flink_parallelism <= 256
    error_message = "pattern_4.flink_parallelism must be between 1 and 256."
  }
}
