variable "description" {
  type        = string
  description = "Description of the key: say what it encrypts (1-8192 characters)."

  validation {
    condition     = length(var.description) >= 1 && length(var.description) <= 8192
    error_message = "description must be 1-8192 characters."
  }
}

variable "alias_name" {
  type        = string
  description = "Alias without the alias/ prefix (letters, digits, /, _ and -; the aws/ namespace is reserved by AWS)."

  validation {
    condition     = can(regex("^[a-zA-Z0-9/_-]{1,250}$", var.alias_name)) && !startswith(var.alias_name, "aws/")
    error_message = "alias_name must be 1-250 letters, digits, '/', '_' or '-' without the alias/ prefix, and must not start with aws/ (reserved for AWS-managed keys)."
  }
}

variable "deletion_window_in_days" {
  type        = number
  description = "Waiting period after a deletion is scheduled (7-30 days); the deletion can be cancelled until then."
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30 && floor(var.deletion_window_in_days) == var.deletion_window_in_days
    error_message = "deletion_window_in_days must be a whole number from 7 to 30."
  }
}

variable "via_services" {
  type        = list(string)
  description = "AWS services that may use the key on behalf of this account's principals (condition kms:ViaService = <service>.<region>.<dns suffix>), e.g. [\"s3\", \"firehose\"]. The principals still need the KMS actions in their own IAM policies."
  default     = []

  validation {
    condition     = alltrue([for s in var.via_services : contains(["s3", "firehose", "kafka", "secretsmanager", "sns", "sqs"], s)]) && length(distinct(var.via_services)) == length(var.via_services)
    error_message = "via_services may list each of s3, firehose, kafka, secretsmanager, sns, sqs at most once."
  }
}

variable "cloudwatch_logs_log_groups" {
  type        = list(string)
  description = "Log group names (or patterns with *) that CloudWatch Logs may encrypt with this key. The service principal logs.<region>.<dns suffix> gets the key only for these log groups (condition on kms:EncryptionContext:aws:logs:arn). Empty: no CloudWatch Logs statement."
  default     = []

  validation {
    condition     = alltrue([for g in var.cloudwatch_logs_log_groups : can(regex("^[a-zA-Z0-9_./#*-]{1,512}$", g))])
    error_message = "cloudwatch_logs_log_groups entries must be log group names of letters, digits, '_', '-', '/', '.', '#', optionally with * wildcards."
  }
}

variable "service_principals" {
  type = list(object({
    sid     = string
    service = string
    actions = list(string)
  }))
  description = "AWS service principals that use the key on their own behalf, e.g. { sid = \"CloudWatchAlarms\", service = \"cloudwatch.amazonaws.com\", actions = [\"kms:Decrypt\", \"kms:GenerateDataKey*\"] } for alarms publishing to an encrypted SNS topic."
  default     = []

  validation {
    condition = alltrue([for p in var.service_principals :
      can(regex("^[A-Za-z0-9]{1,100}$", p.sid)) &&
      can(regex("^[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?$", p.service)) &&
      length(p.actions) > 0 &&
      alltrue([for a in p.actions : can(regex("^kms:[A-Za-z]+\\*?$", a)) && a != "kms:*"])
    ])
    error_message = "service_principals: sid must be 1-100 letters or digits, service a service principal such as cloudwatch.amazonaws.com, and actions explicit kms: actions (a trailing * as in kms:GenerateDataKey* is allowed, kms:* is not)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for the key."
  default     = {}
}
