variable "create" {
  type        = bool
  description = "Whether to create any resource in this module."
  default     = true
}

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
  description = "Existing SNS topic for alarm notifications; null creates one (encrypted with the AWS-managed SNS key unless sns_kms_key_id is set)."
  default     = null
}

variable "sns_kms_key_id" {
  type        = string
  description = "KMS key for a created SNS topic (CloudWatch must be allowed to use it when it is a customer key)."
  default     = "alias/aws/sns"
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
