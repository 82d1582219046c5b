variable "dashboard_name" {
  type        = string
  description = "Dashboard name; choose one per deployment (the original's fixed MSK1-Monitoring-<region> collided)."

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,255}$", var.dashboard_name))
    error_message = "dashboard_name must be 1-255 letters, digits, '-' or '_'."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to the SNS topic and alarms."
  default     = {}
}

variable "cluster_name" {
  type        = string
  description = "MSK cluster name (the `Cluster Name` dimension)."
}

variable "broker_count" {
  type        = number
  description = "Number of brokers; per-broker widgets and alarms cover broker IDs 1..broker_count unless broker_ids is set."

  validation {
    condition     = var.broker_count >= 1 && var.broker_count <= 30
    error_message = "broker_count must be between 1 and 30."
  }
}

variable "broker_ids" {
  type        = list(number)
  description = "Explicit broker IDs (after broker replacement they may not be 1..N); empty uses 1..broker_count."
  default     = []
}

variable "kraft" {
  type        = bool
  description = "KRaft cluster: the ZooKeeper latency widget is replaced by ActiveControllerCount."
  default     = false
}

variable "lambda_function_names" {
  type        = list(string)
  description = "Functions fed by event source mappings: invocations, errors, duration, throttles and OffsetLag widgets and alarms."
  default     = []
}

variable "delivery_stream_names" {
  type        = list(string)
  description = "Firehose delivery streams: incoming records/bytes, delivery success, data freshness and throttling widgets and alarms."
  default     = []
}

variable "period" {
  type        = number
  description = "Metric period in seconds for widgets and alarms (the original used 300)."
  default     = 300

  validation {
    condition     = contains([60, 300, 900, 3600], var.period)
    error_message = "period must be one of 60, 300, 900, 3600."
  }
}

variable "alarm_thresholds" {
  type = object({
    disk_used_percent        = optional(number, 85)
    offset_lag               = optional(number, 10000)
    function_errors          = optional(number, 0)
    data_freshness_seconds   = optional(number, 900)
    delivery_success_minimum = optional(number, 1)
  })
  description = "Alarm thresholds: broker disk use (%), offset lag (records), function errors per period, Firehose data freshness (s), minimum DeliveryToS3.Success ratio."
  default     = {}

  validation {
    condition     = var.alarm_thresholds.disk_used_percent > 0 && var.alarm_thresholds.disk_used_percent <= 100 && var.alarm_thresholds.offset_lag >= 0 && var.alarm_thresholds.function_errors >= 0 && var.alarm_thresholds.data_freshness_seconds >= 60 && var.alarm_thresholds.delivery_success_minimum > 0 && var.alarm_thresholds.delivery_success_minimum <= 1
    error_message = "alarm_thresholds: disk 1-100 %, offset lag and errors >= 0, data freshness >= 60 s, delivery success in (0, 1]."
  }
}

variable "sns_topic_arn" {
  type        = string
  description = "Existing SNS topic for alarm notifications; null creates one. An existing encrypted topic needs a customer-managed key whose policy lets cloudwatch.amazonaws.com use it (kms:Decrypt, kms:GenerateDataKey*), or CloudWatch drops every notification."
  default     = null

  validation {
    condition     = var.sns_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", var.sns_topic_arn))
    error_message = "sns_topic_arn must be an SNS topic ARN (arn:<partition>:sns:<region>:<account>:<name>)."
  }
}

variable "create_sns_kms_key" {
  type        = bool
  description = "Encrypt a created topic with a new customer-managed key whose policy admits CloudWatch alarms (cloudwatch.amazonaws.com). False: use sns_kms_key_arn, or leave the topic unencrypted. The AWS-managed key alias/aws/sns cannot be used: its policy cannot admit CloudWatch, which then cannot publish."
  default     = true
}

variable "sns_kms_key_arn" {
  type        = string
  description = "Existing customer-managed key for a created topic (its policy must allow cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*). Only with create_sns_kms_key = false."
  default     = null

  validation {
    condition     = var.sns_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.sns_kms_key_arn))
    error_message = "sns_kms_key_arn must be the ARN of a customer-managed key (arn:<partition>:kms:<region>:<account>:key/<id>). The AWS-managed alias/aws/sns cannot work: CloudWatch alarms cannot publish to a topic under it."
  }

  validation {
    condition     = !(var.sns_kms_key_arn != null && var.create_sns_kms_key)
    error_message = "Set create_sns_kms_key = false when passing sns_kms_key_arn."
  }
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses subscribed to a created SNS topic (each must confirm)."
  default     = []

  validation {
    condition     = alltrue([for e in var.alarm_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "alarm_emails must be e-mail addresses."
  }
}
