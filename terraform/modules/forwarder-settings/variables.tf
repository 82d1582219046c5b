variable "delivery_stream_arn" {
  type        = string
  description = "ARN of the Firehose delivery stream the forwarder writes to. Its name (the part after deliverystream/) becomes DELIVERY_STREAM_NAME; the policy grants firehose:PutRecordBatch and firehose:PutRecord on this stream only."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:firehose:[a-z0-9-]+:[0-9]{12}:deliverystream/[a-zA-Z0-9_.-]{1,64}$", var.delivery_stream_arn))
    error_message = "delivery_stream_arn must be a Firehose delivery stream ARN (arn:<partition>:firehose:<region>:<account>:deliverystream/<name>, the name 1-64 letters, digits, '_', '.' or '-')."
  }
}

variable "failure_strategy" {
  type        = string
  description = "FAILURE_STRATEGY for records still undelivered when the forwarder's retry budget ends: fail (the invocation fails and the mapping retries the batch), report-batch-item-failures (a partial batch response; the mapping must read it, so report_batch_item_failures is true and provisioned_mode is required) or dead-letter (parks them under dead_letter and succeeds). Null leaves the function's default, fail."
  default     = null

  validation {
    condition     = var.failure_strategy == null || try(contains(["fail", "report-batch-item-failures", "dead-letter"], var.failure_strategy), false)
    error_message = "failure_strategy must be fail, report-batch-item-failures or dead-letter (or null for the function's default, fail)."
  }

  validation {
    condition     = var.failure_strategy != "dead-letter" || var.dead_letter != null
    error_message = "failure_strategy = dead-letter needs dead_letter (the bucket becomes DEAD_LETTER_BUCKET); without it the function refuses to start."
  }

  validation {
    condition     = var.failure_strategy != "report-batch-item-failures" || var.provisioned_mode
    error_message = "failure_strategy = report-batch-item-failures turns on ReportBatchItemFailures, which Lambda accepts on Kafka mappings only in provisioned mode: set provisioned_mode (and the mapping's provisioned pollers), or choose fail or dead-letter."
  }
}

variable "provisioned_mode" {
  type        = bool
  description = "Whether the function's event source mapping runs in provisioned mode (msk-lambda's provisioned_pollers is set). Only checked: partial batch responses need it."
  default     = false
}

variable "dead_letter" {
  type = object({
    bucket_name = string
    prefix      = optional(string, "dead-letter/")
    kms_key_arn = optional(string)
  })
  description = "S3 location for records the forwarder cannot deliver (oversize, rejected): DEAD_LETTER_BUCKET and DEAD_LETTER_PREFIX; the policy grants s3:PutObject on <bucket>/<prefix>* only, and kms:GenerateDataKey through S3 for that bucket when it uses a customer key. Null: no dead letters (records Firehose rejects then fail the invocation)."
  default     = null

  validation {
    condition     = var.dead_letter == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.dead_letter.bucket_name))
    error_message = "dead_letter.bucket_name must be a valid S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)."
  }

  validation {
    condition     = var.dead_letter == null || try(var.dead_letter.prefix == "" || endswith(var.dead_letter.prefix, "/"), false)
    error_message = "dead_letter.prefix must be empty or end with \"/\"."
  }

  validation {
    condition     = try(var.dead_letter.kms_key_arn, null) == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.dead_letter.kms_key_arn))
    error_message = "dead_letter.kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "output_format" {
  type        = string
  description = "OUTPUT_FORMAT: envelope (one JSON line per record with topic, partition, offset, timestamp, key, headers and value; what restore and the Athena table read) or value (the value alone, as the original). Null leaves the function's default, envelope."
  default     = null

  validation {
    condition     = var.output_format == null || try(contains(["envelope", "value"], var.output_format), false)
    error_message = "output_format must be envelope or value (or null for the function's default, envelope)."
  }
}
