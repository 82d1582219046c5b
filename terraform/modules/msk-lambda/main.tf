data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  create = var.create

  is_native = var.runtime_mode == "native"
  runtime   = local.is_native ? "provided.al2023" : "java21"
  # Custom runtimes ignore the handler; Quarkus' own SAM templates use this placeholder.
  handler = local.is_native ? "not.used.in.provided.runtime" : "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"

  environment = merge(
    var.environment_variables,
    local.is_native ? { DISABLE_SIGNAL_HANDLERS = "true" } : {},
    local.java_tool_options != "" ? { JAVA_TOOL_OPTIONS = local.java_tool_options } : {},
    local.glibc_tunables != "" ? { GLIBC_TUNABLES = local.glibc_tunables } : {},
  )

  # The java21 runtime client receives each event into memory from malloc on the JVM's main thread (some 22 MB for a
  # 6 MB event), and glibc gives that memory back to the kernel once it is freed, so every invocation faulted it in
  # again (about 5,000 pages). A fixed mmap threshold (32 MiB, the largest glibc takes) keeps such buffers in the
  # arena, and the trim threshold keeps the arena's free memory for the next event. The benchmarks apply the same by
  # default (DEPLOYED_GLIBC_TUNABLES in scripts/bench/common.sh; DeployedGlibcTunablesTest checks that they agree).
  default_glibc_tunables = local.is_native ? "" : "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"
  glibc_tunables         = var.glibc_tunables != null ? var.glibc_tunables : local.default_glibc_tunables

  # A young generation for one batch: the garbage of a 6 MB event is some 45 MB (the event twice, the decoded
  # values, the packed records, the SDK's request bodies). A heap that starts with 32 MiB of old generation besides
  # it (at most half the memory) and a first metaspace collection at 64 MiB instead of about 21: otherwise the heap
  # starts at 1/64 of the memory and the first invocation, which loads the SDK's classes and promotes its first batch,
  # pays a full collection for each (the forwarder's start and first invocation at 1,024 MB: 116 ms of pauses, 52 ms
  # with both). Neither touches memory before it is used. The initial heap stays at most half the memory, under the
  # limit the runtime puts on its command line (-XX:MaxHeapSize of 85 % of it, 445645k at 512 MB), which wins over
  # JAVA_TOOL_OPTIONS: an initial heap above that limit would keep the JVM from starting. The benchmarks apply the
  # same by default (deployed_java_tool_options in scripts/bench/common.sh; DeployedJavaToolOptionsTest checks both
  # at the memory settings tests/defaults.tftest.hcl checks here).
  # Survivor spaces of a quarter of the young generation each (SurvivorRatio=2; the JVM's default is a tenth): what
  # is live while a batch is handled then stays in them instead of overflowing into the old generation, so full
  # collections become rare and the old generation's pages are not touched. Measured at 512 MB in turns (README,
  # "Heap"): forwarder median 1.5 ms faster, p90 81-85 against 106-109 ms, peak RSS 181 against 236-247 MB; logger
  # 25.2 against 27.2 ms, 143 against 176 MB.
  # A level other than the runtime's own goes in JAVA_TOOL_OPTIONS, where AWS documents changing it.
  young_generation_mb = min(64, floor(var.memory_size / 4))
  default_java_tool_options = local.is_native ? "" : join(" ", compact([
    "-Xmn${local.young_generation_mb}m",
    "-Xms${min(local.young_generation_mb + 32, floor(var.memory_size / 2))}m",
    "-XX:SurvivorRatio=2",
    "-XX:MetaspaceSize=64m",
    var.tiered_stop_at_level == 4 ? "-XX:TieredStopAtLevel=4" : "",
  ]))
  java_tool_options = var.java_tool_options != null ? var.java_tool_options : local.default_java_tool_options

  log_group_name = "/aws/lambda/${var.function_name}"

  destination_type = var.on_failure_destination_arn == null ? null : split(":", var.on_failure_destination_arn)[2]

  # Kafka mapping metrics belong to provisioned mode; on-demand mappings get none.
  metrics = var.metrics != null ? var.metrics : (var.provisioned_pollers != null ? ["EventCount"] : [])

  # With SnapStart the mapping must invoke a published version (through the alias).
  mapping_target = var.snap_start ? try(aws_lambda_alias.live[0].arn, null) : try(aws_lambda_function.this[0].arn, null)
}

################################################################################
# Log group (created before the function so Lambda never creates one without retention)
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  count = local.create ? 1 : 0

  name              = local.log_group_name
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

################################################################################
# Function
################################################################################

resource "aws_lambda_function" "this" {
  count = local.create ? 1 : 0

  function_name    = var.function_name
  description      = var.description
  role             = aws_iam_role.this[0].arn
  filename         = var.package_path
  source_code_hash = filebase64sha256(var.package_path)
  runtime          = local.runtime
  handler          = local.handler
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout
  publish          = var.snap_start

  reserved_concurrent_executions = var.reserved_concurrent_executions

  # No block when there is nothing to set: with provider 5.100 an empty variables map plans a change at every run
  # (hashicorp/terraform-provider-aws#43763), and with publish a new version each time.
  dynamic "environment" {
    for_each = length(local.environment) > 0 ? [local.environment] : []
    content {
      variables = environment.value
    }
  }

  logging_config {
    log_format = var.log_format
    log_group  = aws_cloudwatch_log_group.this[0].name
  }

  tracing_config {
    mode = var.tracing_mode
  }

  dynamic "snap_start" {
    for_each = var.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  dynamic "vpc_config" {
    for_each = var.vpc_config != null ? [var.vpc_config] : []
    content {
      subnet_ids         = vpc_config.value.subnet_ids
      security_group_ids = concat([aws_security_group.this[0].id], vpc_config.value.security_group_ids)
    }
  }

  tags = var.tags

  depends_on = [
    aws_cloudwatch_log_group.this,
    aws_iam_role_policy.this,
  ]
}

resource "aws_lambda_alias" "live" {
  count = local.create && var.snap_start ? 1 : 0

  name             = "live"
  description      = "Latest published version (SnapStart applies to published versions only)."
  function_name    = aws_lambda_function.this[0].function_name
  function_version = aws_lambda_function.this[0].version
}

################################################################################
# Security group for the function (egress-only: HTTPS to AWS APIs)
################################################################################

resource "aws_security_group" "this" {
  count = local.create && var.vpc_config != null ? 1 : 0

  name_prefix = "${var.function_name}-"
  description = "Lambda ${var.function_name}: no inbound; HTTPS out to AWS APIs"
  vpc_id      = var.vpc_config.vpc_id
  tags        = merge(var.tags, { Name = var.function_name })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "https" {
  count = local.create && var.vpc_config != null ? 1 : 0

  security_group_id = aws_security_group.this[0].id
  description       = "HTTPS to AWS service endpoints (Firehose, S3, Logs) via NAT or VPC endpoints"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

################################################################################
# Event source mapping
################################################################################

resource "aws_lambda_event_source_mapping" "this" {
  count = local.create ? 1 : 0

  function_name     = local.mapping_target
  event_source_arn  = var.cluster_arn
  topics            = [var.topic]
  enabled           = var.event_source_enabled
  batch_size        = var.batch_size
  starting_position = var.starting_position

  starting_position_timestamp        = var.starting_position_timestamp
  maximum_batching_window_in_seconds = var.maximum_batching_window_in_seconds
  function_response_types            = var.report_batch_item_failures ? ["ReportBatchItemFailures"] : null

  # Error handling controls (provisioned mode only; enforced by the variables' validations).
  maximum_retry_attempts         = var.maximum_retry_attempts
  maximum_record_age_in_seconds  = var.maximum_record_age_in_seconds
  bisect_batch_on_function_error = var.bisect_batch_on_function_error ? true : null

  dynamic "amazon_managed_kafka_event_source_config" {
    for_each = var.consumer_group_id != null ? [var.consumer_group_id] : []
    content {
      consumer_group_id = amazon_managed_kafka_event_source_config.value
    }
  }

  dynamic "source_access_configuration" {
    for_each = var.scram_secret_arn != null ? [var.scram_secret_arn] : []
    content {
      type = "SASL_SCRAM_512_AUTH"
      uri  = source_access_configuration.value
    }
  }

  dynamic "destination_config" {
    for_each = var.on_failure_destination_arn != null ? [var.on_failure_destination_arn] : []
    content {
      on_failure {
        destination_arn = destination_config.value
      }
    }
  }

  dynamic "provisioned_poller_config" {
    for_each = var.provisioned_pollers != null ? [var.provisioned_pollers] : []
    content {
      minimum_pollers = provisioned_poller_config.value.minimum_pollers
      maximum_pollers = provisioned_poller_config.value.maximum_pollers
    }
  }

  dynamic "filter_criteria" {
    for_each = length(var.filters) > 0 ? [var.filters] : []
    content {
      dynamic "filter" {
        for_each = filter_criteria.value
        content {
          pattern = filter.value
        }
      }
    }
  }

  dynamic "metrics_config" {
    for_each = length(local.metrics) > 0 ? [local.metrics] : []
    content {
      metrics = metrics_config.value
    }
  }

  tags = var.tags

  # The mapping validates its permissions when it is created.
  depends_on = [aws_iam_role_policy.this]
}
