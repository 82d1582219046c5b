################################################################################
# General
################################################################################

variable "function_name" {
  type        = string
  description = "Name of the Lambda function (1-64 characters: letters, digits, hyphens, underscores). Also names the role and the log group."

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,64}$", var.function_name))
    error_message = "function_name must be 1-64 characters of letters, digits, hyphens or underscores."
  }
}

variable "description" {
  type        = string
  description = "Description of the function."
  default     = "Consumes records from an Amazon MSK topic through an event source mapping."
}

################################################################################
# Package and runtime
################################################################################

variable "package_path" {
  type        = string
  description = "Path to the Maven-built function.zip (e.g. consumer-logger/target/function.zip). Built with `./mvnw package` (JVM) or `./mvnw package -Pnative` (native)."

  validation {
    condition     = endswith(var.package_path, ".zip")
    error_message = "package_path must point at a .zip file (the Quarkus function.zip)."
  }
}

variable "runtime_mode" {
  type        = string
  description = "How the package runs: `native` (Quarkus native executable on provided.al2023) or `jvm` (managed java21 runtime)."
  default     = "jvm"

  validation {
    condition     = contains(["native", "jvm"], var.runtime_mode)
    error_message = "runtime_mode must be one of: native, jvm."
  }
}

variable "architecture" {
  type        = string
  description = "Instruction set: arm64 (Graviton, cheaper) or x86_64. A native package must be built for the same architecture."
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be one of: arm64, x86_64."
  }
}

variable "snap_start" {
  type        = bool
  description = "Enable Lambda SnapStart (JVM only; not available for custom runtimes). Publishes a version and points the mapping at the `live` alias."
  default     = false

  validation {
    condition     = !var.snap_start || var.runtime_mode == "jvm"
    error_message = "snap_start is only available with runtime_mode = \"jvm\" (SnapStart does not support provided.al2023)."
  }
}

variable "java_tool_options" {
  type        = string
  description = "JVM options for the function, set as JAVA_TOOL_OPTIONS (for example -XX:TieredStopAtLevel=4). The java21 runtime applies them on top of its own flags (-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto and a heap sized from memory_size). Null (the default): on the JVM, -Xmn of a quarter of memory_size, at most 64m, -Xms of that plus 32m, at most half of memory_size, -XX:SurvivorRatio=2 and -XX:MetaspaceSize=64m, then -XX:TieredStopAtLevel=4 where tiered_stop_at_level is 4 (a young generation that holds the garbage of one 6 MB batch, without which the JVM starts with a heap of 1/64 of the memory and, measured at 512 MB, spends about a sixth of the forwarder's time in full collections; survivor spaces that hold what a batch keeps live, so that it does not overflow into the old generation; an initial old generation and metaspace threshold that spare the first invocation two full collections); nothing on native. Empty: not set, the runtime's own flags only. JVM only."
  default     = null

  validation {
    condition     = var.java_tool_options == null || var.java_tool_options == "" || var.runtime_mode == "jvm"
    error_message = "java_tool_options is read by the JVM only: leave it null or empty with runtime_mode = \"native\"."
  }

  validation {
    condition     = length(var.java_tool_options == null ? "" : var.java_tool_options) <= 1024 && !strcontains(var.java_tool_options == null ? "" : var.java_tool_options, "\n")
    error_message = "java_tool_options must be one line of at most 1024 characters (Lambda allows 4 KB for all environment variables together)."
  }
}

variable "glibc_tunables" {
  type        = string
  description = "Settings of the C library's allocator, set as GLIBC_TUNABLES (name=value pairs separated by colons, each name starting with glibc.). Null (the default): on the JVM, glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456, which keeps the memory the java21 runtime client receives each event into (some 22 MB for a 6 MB event) for the next invocation instead of giving it back to the kernel and faulting it in again, about 5,000 pages every invocation (measured in the repository README, \"Native memory\"); nothing on native. Empty: not set, glibc's own behaviour."
  default     = null

  validation {
    condition     = var.glibc_tunables == null || var.glibc_tunables == "" || can(regex("^glibc\\.[a-z_]+\\.[a-z_]+=[^:=[:space:]]+(:glibc\\.[a-z_]+\\.[a-z_]+=[^:=[:space:]]+)*$", var.glibc_tunables))
    error_message = "glibc_tunables must be name=value pairs separated by colons, each name starting with glibc. (for example glibc.malloc.trim_threshold=268435456), with no spaces; or null (the default) or empty (not set)."
  }
}

variable "tiered_stop_at_level" {
  type        = number
  description = "How far the JVM compiles hot code, as -XX:TieredStopAtLevel: 1 (the default, and the java21 runtime's own setting) compiles with C1 only, quick to start; 4 lets C2 recompile the hottest methods, which costs CPU and memory over an execution environment's first invocations and is faster after them (AWS's advice for compute-heavy functions). 4 adds -XX:TieredStopAtLevel=4 to the default java_tool_options; with java_tool_options set, put the flag there instead. JVM only. The platform module sets 4 for the logger from 1769 MB (one full vCPU) up (measured in the repository README, \"Tiered compilation\")."
  default     = 1

  validation {
    condition     = contains([1, 4], var.tiered_stop_at_level)
    error_message = "tiered_stop_at_level must be 1 (C1 only) or 4 (full tiered compilation with C2)."
  }

  validation {
    condition     = var.tiered_stop_at_level == 1 || (var.runtime_mode == "jvm" && var.java_tool_options == null)
    error_message = "tiered_stop_at_level = 4 needs runtime_mode = \"jvm\" and java_tool_options = null (with your own java_tool_options, add -XX:TieredStopAtLevel=4 to them)."
  }
}

variable "memory_size" {
  type        = number
  description = "Memory in MiB (128-10240)."
  default     = 512

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240 && floor(var.memory_size) == var.memory_size
    error_message = "memory_size must be a whole number between 128 and 10240 MiB."
  }
}

variable "timeout" {
  type        = number
  description = "Function timeout in seconds. Kafka event source mappings allow at most 840 s (14 minutes). The original used 300."
  default     = 300

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 840
    error_message = "timeout must be between 1 and 840 seconds (the Kafka event source maximum is 14 minutes)."
  }
}

variable "reserved_concurrent_executions" {
  type        = number
  description = "Reserved concurrency; -1 leaves the function unreserved."
  default     = -1

  validation {
    condition     = var.reserved_concurrent_executions >= -1
    error_message = "reserved_concurrent_executions must be -1 (unreserved) or a non-negative number."
  }
}

variable "tracing_mode" {
  type        = string
  description = "AWS X-Ray tracing mode: PassThrough or Active."
  default     = "PassThrough"

  validation {
    condition     = contains(["PassThrough", "Active"], var.tracing_mode)
    error_message = "tracing_mode must be one of: PassThrough, Active."
  }
}

variable "environment_variables" {
  type        = map(string)
  description = "Extra environment variables for the function. AWS_* names are reserved."
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.environment_variables) : can(regex("^[a-zA-Z][a-zA-Z0-9_]*$", k)) && !startswith(k, "AWS_")])
    error_message = "environment_variables keys must start with a letter, contain only letters, digits and underscores, and not start with AWS_ (reserved)."
  }

  validation {
    condition     = !contains(keys(var.environment_variables), "JAVA_TOOL_OPTIONS")
    error_message = "Set JVM options with java_tool_options, not environment_variables.JAVA_TOOL_OPTIONS: java_tool_options is checked against the runtime mode."
  }

  validation {
    condition     = !contains(keys(var.environment_variables), "GLIBC_TUNABLES")
    error_message = "Set the allocator's settings with glibc_tunables, not environment_variables.GLIBC_TUNABLES: the module sets GLIBC_TUNABLES itself on the JVM unless glibc_tunables is empty."
  }

  # A partial batch response the mapping does not read counts as success, and the records it names are lost.
  validation {
    condition     = lookup(var.environment_variables, "FAILURE_STRATEGY", "") != "report-batch-item-failures" || var.report_batch_item_failures
    error_message = "environment_variables.FAILURE_STRATEGY = report-batch-item-failures needs report_batch_item_failures = true, or the mapping ignores the batch item failures the function reports and their records are lost (modules/forwarder-settings sets both)."
  }
}

variable "policy_documents" {
  type        = list(string)
  description = "IAM policy documents (JSON) with what the function itself needs beyond the mapping, such as modules/forwarder-settings' policy_json. Merged into the role's one inline policy after its own statements; each statement needs a Sid of its own (the provider refuses repeated Sids)."
  default     = []

  validation {
    condition     = alltrue([for d in var.policy_documents : can(jsondecode(d).Statement)])
    error_message = "Each entry of policy_documents must be an IAM policy document in JSON with a Statement list (for example an aws_iam_policy_document's json)."
  }
}

################################################################################
# Networking (the function itself; the mapping's pollers always use the cluster's subnets and security groups)
################################################################################

variable "vpc_config" {
  type = object({
    vpc_id     = string
    subnet_ids = list(string)
    # Extra security groups; the module always adds its own egress-only (HTTPS) group.
    security_group_ids = optional(list(string), [])
  })
  description = "Run the function in these private subnets (it then needs a NAT gateway or VPC endpoints for Firehose, S3 and CloudWatch Logs). Null runs it outside a VPC, which also works: the mapping reaches the brokers on its own."
  default     = null

  validation {
    condition     = var.vpc_config == null || try(length(var.vpc_config.subnet_ids) >= 1, false)
    error_message = "vpc_config.subnet_ids must list at least one subnet."
  }
}

################################################################################
# Logging
################################################################################

variable "log_retention_in_days" {
  type        = number
  description = "Retention of the function's log group (the original never expired Lambda logs)."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be one of the CloudWatch Logs values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "log_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the log group (its key policy must allow CloudWatch Logs for this log group, as modules/kms-key does). Null uses the service default encryption."
  default     = null

  validation {
    condition     = var.log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "log_format" {
  type        = string
  description = "Lambda log format: JSON (structured platform logs; recommended with the functions' JSON lines) or Text."
  default     = "JSON"

  validation {
    condition     = contains(["JSON", "Text"], var.log_format)
    error_message = "log_format must be one of: JSON, Text."
  }
}

################################################################################
# Event source mapping
################################################################################

variable "cluster_arn" {
  type        = string
  description = "ARN of the MSK cluster (arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>). The IAM scope uses its name and UUID: no wildcarded UUID."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kafka:[a-z0-9-]+:[0-9]{12}:cluster/[^/]+/[^/]+$", var.cluster_arn))
    error_message = "cluster_arn must be an MSK cluster ARN: arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>."
  }
}

variable "topic" {
  type        = string
  description = "Kafka topic the mapping reads (MSK mappings take exactly one). Create-only: changing it replaces the mapping."

  validation {
    condition     = can(regex("^[a-zA-Z0-9._-]{1,249}$", var.topic))
    error_message = "topic must be 1-249 characters of letters, digits, '.', '_' or '-'."
  }
}

variable "event_source_enabled" {
  type        = bool
  description = "Whether the mapping polls (false pauses it without deleting it)."
  default     = true
}

variable "batch_size" {
  type        = number
  description = "Maximum records per invocation (MSK: 1-10000). The original defaulted to 100."
  default     = 100

  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 10000 && floor(var.batch_size) == var.batch_size
    error_message = "batch_size must be a whole number between 1 and 10000."
  }
}

variable "maximum_batching_window_in_seconds" {
  type        = number
  description = "Batching window 0-300 s. Null keeps the MSK default (500 ms), which cannot be restored once changed without recreating the mapping."
  default     = null

  validation {
    condition     = var.maximum_batching_window_in_seconds == null || try(var.maximum_batching_window_in_seconds >= 0 && var.maximum_batching_window_in_seconds <= 300, false)
    error_message = "maximum_batching_window_in_seconds must be null or between 0 and 300."
  }
}

variable "starting_position" {
  type        = string
  description = "Where a new mapping starts: LATEST (original default), TRIM_HORIZON or AT_TIMESTAMP (with starting_position_timestamp). Create-only."
  default     = "LATEST"

  validation {
    condition     = contains(["LATEST", "TRIM_HORIZON", "AT_TIMESTAMP"], var.starting_position)
    error_message = "starting_position must be one of: LATEST, TRIM_HORIZON, AT_TIMESTAMP."
  }
}

variable "starting_position_timestamp" {
  type        = string
  description = "RFC 3339 timestamp (e.g. 2025-01-31T00:00:00Z); required with, and only with, starting_position = AT_TIMESTAMP."
  default     = null

  validation {
    condition     = (var.starting_position == "AT_TIMESTAMP") == (var.starting_position_timestamp != null)
    error_message = "starting_position_timestamp is required when starting_position is AT_TIMESTAMP and must be null otherwise."
  }

  validation {
    condition     = var.starting_position_timestamp == null || can(formatdate("YYYY", var.starting_position_timestamp))
    error_message = "starting_position_timestamp must be an RFC 3339 timestamp such as 2025-01-31T00:00:00Z."
  }
}

variable "consumer_group_id" {
  type        = string
  description = "Kafka consumer group of the mapping (1-200 characters). Null lets Lambda generate one. Create-only. Also narrows the IAM group permission to this group."
  default     = null

  validation {
    condition     = var.consumer_group_id == null || can(regex("^[a-zA-Z0-9._:@=+-]{1,200}$", var.consumer_group_id))
    error_message = "consumer_group_id must be 1-200 characters of letters, digits and . _ : @ = + -."
  }
}

variable "iam_auth" {
  type        = bool
  description = "The mapping authenticates with IAM (the role gets kafka-cluster Connect/DescribeTopic/ReadData/DescribeGroup/AlterGroup scoped to this cluster, topic and group). Set false for SCRAM or unauthenticated TLS."
  default     = true
}

variable "scram_secret_arn" {
  type        = string
  description = "Secrets Manager secret (name starts with AmazonMSK_) for SASL/SCRAM authentication of the mapping. Null for IAM or unauthenticated TLS."
  default     = null

  validation {
    condition     = var.scram_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:AmazonMSK_.+$", var.scram_secret_arn))
    error_message = "scram_secret_arn must be a Secrets Manager secret ARN whose name starts with AmazonMSK_ (required by MSK)."
  }

  validation {
    condition     = !(var.scram_secret_arn != null && var.iam_auth)
    error_message = "Choose one authentication for the mapping: set iam_auth = false when scram_secret_arn is used."
  }
}

variable "scram_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key that encrypts the SCRAM secret; the role gets kms:Decrypt on it only via Secrets Manager. Required with scram_secret_arn."
  default     = null

  validation {
    condition     = (var.scram_secret_arn == null) == (var.scram_kms_key_arn == null)
    error_message = "scram_kms_key_arn is required with scram_secret_arn (MSK SCRAM secrets use a customer-managed key) and must be null without it."
  }

  validation {
    condition     = var.scram_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.scram_kms_key_arn))
    error_message = "scram_kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "on_failure_destination_arn" {
  type        = string
  description = "Where the mapping sends batches it gives up on (after maximum_retry_attempts or maximum_record_age_in_seconds): an S3 bucket (receives the whole invocation record, records included), SQS queue or SNS topic (metadata only: the records stay in Kafka until retention) ARN. The role gets exactly the matching permission. The cluster's VPC needs an endpoint for that service. Null: no destination. (kafka://<topic> destinations are rejected by provider 5.100.0's ARN validation.)"
  default     = null

  validation {
    condition     = var.on_failure_destination_arn == null || can(regex("^arn:aws[a-z-]*:(sqs|sns|s3):.+$", var.on_failure_destination_arn))
    error_message = "on_failure_destination_arn must be an SQS queue, SNS topic or S3 bucket ARN (provider 5.100.0 rejects kafka://<topic>)."
  }
}

variable "on_failure_destination_kms_key_arn" {
  type        = string
  description = "Customer-managed key of an encrypted on-failure destination: the role gets kms:GenerateDataKey (S3) or kms:GenerateDataKey and kms:Decrypt (SQS, SNS) on it, through that service only."
  default     = null

  validation {
    condition     = var.on_failure_destination_kms_key_arn == null || (var.on_failure_destination_arn != null && can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", coalesce(var.on_failure_destination_kms_key_arn, "-"))))
    error_message = "on_failure_destination_kms_key_arn must be a KMS key ARN and needs on_failure_destination_arn."
  }
}

variable "provisioned_pollers" {
  type = object({
    minimum_pollers = optional(number, 1)
    maximum_pollers = optional(number, 200)
  })
  description = "Provisioned mode for the mapping (billed extra): minimum 1-200, maximum 1-2000 pollers. Null keeps on-demand scaling (the original)."
  default     = null

  validation {
    condition = var.provisioned_pollers == null || try(
      var.provisioned_pollers.minimum_pollers >= 1 && var.provisioned_pollers.minimum_pollers <= 200 &&
      var.provisioned_pollers.maximum_pollers >= 1 && var.provisioned_pollers.maximum_pollers <= 2000 &&
      var.provisioned_pollers.minimum_pollers <= var.provisioned_pollers.maximum_pollers,
    false)
    error_message = "provisioned_pollers: minimum_pollers must be 1-200, maximum_pollers 1-2000, and minimum_pollers <= maximum_pollers."
  }
}

variable "filters" {
  type        = list(string)
  description = "Up to 10 event filter patterns (JSON strings, e.g. jsonencode({ value = { type = [\"order\"] } })). MSK filters can only match the record value as JSON."
  default     = []

  validation {
    condition     = length(var.filters) <= 10
    error_message = "filters can hold at most 10 patterns."
  }

  validation {
    condition     = alltrue([for f in var.filters : can(jsondecode(f))])
    error_message = "Each entry of filters must be a valid JSON pattern."
  }
}

variable "report_batch_item_failures" {
  type        = bool
  description = "Set FunctionResponseTypes = [ReportBatchItemFailures] so the function can return batchItemFailures (partial batch response). Kafka mappings accept it only in provisioned mode (provisioned_pollers). For the forwarder take it from modules/forwarder-settings, which sets it exactly with the report-batch-item-failures strategy."
  default     = false

  validation {
    condition     = !var.report_batch_item_failures || var.provisioned_pollers != null
    error_message = "report_batch_item_failures needs provisioned_pollers: Lambda accepts partial batch responses on Kafka mappings only in provisioned mode."
  }
}

variable "maximum_retry_attempts" {
  type        = number
  description = "Retries of a failed batch before it goes to the on-failure destination: -1 (infinite, Lambda's default) or 0-10000. Kafka mappings accept it only in provisioned mode. A finite value needs on_failure_destination_arn, or the batch would be dropped. With an on-failure destination and -1, Lambda caps retries at 10. Null: not sent."
  default     = null

  validation {
    condition     = var.maximum_retry_attempts == null || try(var.maximum_retry_attempts >= -1 && var.maximum_retry_attempts <= 10000 && floor(var.maximum_retry_attempts) == var.maximum_retry_attempts, false)
    error_message = "maximum_retry_attempts must be -1 (infinite) or a whole number from 0 to 10000."
  }

  validation {
    condition     = var.maximum_retry_attempts == null || var.provisioned_pollers != null
    error_message = "maximum_retry_attempts needs provisioned_pollers: Lambda accepts retry limits on Kafka mappings only in provisioned mode."
  }

  validation {
    condition     = try(var.maximum_retry_attempts < 0, true) || var.on_failure_destination_arn != null
    error_message = "A finite maximum_retry_attempts needs on_failure_destination_arn: after the last retry Lambda discards the batch, and without a destination its records are lost to the function."
  }
}

variable "maximum_record_age_in_seconds" {
  type        = number
  description = "Records older than this are not sent to the function but to the on-failure destination: -1 (infinite, Lambda's default) or 60-604800. Kafka mappings accept it only in provisioned mode; a finite value needs on_failure_destination_arn. Null: not sent."
  default     = null

  validation {
    condition     = var.maximum_record_age_in_seconds == null || try(var.maximum_record_age_in_seconds == -1 || (var.maximum_record_age_in_seconds >= 60 && var.maximum_record_age_in_seconds <= 604800), false)
    error_message = "maximum_record_age_in_seconds must be -1 (infinite) or 60-604800."
  }

  validation {
    condition     = var.maximum_record_age_in_seconds == null || var.provisioned_pollers != null
    error_message = "maximum_record_age_in_seconds needs provisioned_pollers: Lambda accepts a maximum record age on Kafka mappings only in provisioned mode."
  }

  validation {
    condition     = try(var.maximum_record_age_in_seconds < 0, true) || var.on_failure_destination_arn != null
    error_message = "A finite maximum_record_age_in_seconds needs on_failure_destination_arn: expired records would otherwise be dropped."
  }
}

variable "bisect_batch_on_function_error" {
  type        = bool
  description = "Split a failing batch in two and retry each half, to isolate a record that keeps failing. Kafka mappings accept it only in provisioned mode."
  default     = false

  validation {
    condition     = !var.bisect_batch_on_function_error || var.provisioned_pollers != null
    error_message = "bisect_batch_on_function_error needs provisioned_pollers: Lambda accepts it on Kafka mappings only in provisioned mode."
  }
}

variable "metrics" {
  type        = list(string)
  description = "Mapping metrics (metrics_config). Null: EventCount in provisioned mode, none in on-demand mode. A list needs provisioned_pollers: the Kafka mapping metrics are part of provisioned mode's observability features. Provider 5.100.0 accepts only EventCount (the API also lists ErrorCount and KafkaMetrics); empty disables."
  default     = null

  validation {
    condition     = var.metrics == null || try(alltrue([for m in var.metrics : contains(["EventCount"], m)]), false)
    error_message = "metrics may only contain EventCount (the only value hashicorp/aws 5.100.0 accepts)."
  }

  validation {
    condition     = try(length(var.metrics) == 0, true) || var.provisioned_pollers != null
    error_message = "metrics need provisioned_pollers: Kafka event source mapping metrics are available in provisioned mode; leave metrics null in on-demand mode."
  }
}
