variable "bucket_prefix" {
  type        = string
  description = "Bucket name prefix (1-37 lowercase letters, digits, dots or hyphens; S3 appends a unique suffix)."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{0,36}$", var.bucket_prefix))
    error_message = "bucket_prefix must be 1-37 lowercase letters, digits, dots or hyphens, starting with a letter or digit."
  }
}

variable "force_destroy" {
  type        = bool
  description = "Allow destroying the bucket while it still holds objects (handy in dev; keep false in prod)."
  default     = false
}

variable "tags" {
  type        = map(string)
  description = "Tags for the bucket."
  default     = {}
}

variable "sse_algorithm" {
  type        = string
  description = "Default encryption: AES256 (SSE-S3; the only kind server access logs can be delivered to) or aws:kms (SSE-KMS with bucket keys)."
  default     = "AES256"

  validation {
    condition     = contains(["AES256", "aws:kms"], var.sse_algorithm)
    error_message = "sse_algorithm must be AES256 or aws:kms."
  }
}

variable "kms_key_arn" {
  type        = string
  description = "KMS key for aws:kms (null: the AWS-managed aws/s3 key). Only with sse_algorithm = aws:kms."
  default     = null

  validation {
    condition     = var.kms_key_arn == null || (var.sse_algorithm == "aws:kms" && can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn)))
    error_message = "kms_key_arn must be a KMS key ARN and needs sse_algorithm = \"aws:kms\"."
  }
}

variable "versioning" {
  type        = string
  description = "Versioning status: Enabled, Suspended, or Disabled (no versioning configuration at all)."
  default     = "Disabled"

  validation {
    condition     = contains(["Enabled", "Suspended", "Disabled"], var.versioning)
    error_message = "versioning must be Enabled, Suspended or Disabled."
  }
}

variable "lifecycle_rules" {
  type = list(object({
    id                                     = string
    abort_incomplete_multipart_upload_days = optional(number)
    intelligent_tiering_after_days         = optional(number)
    noncurrent_version_expiration_days     = optional(number)
    expiration_days                        = optional(number)
  }))
  description = "Lifecycle rules over the whole bucket, in order: each may abort incomplete uploads, move objects to INTELLIGENT_TIERING, expire non-current versions and expire objects (null: that action is left out)."
  default     = []

  validation {
    condition = alltrue([for r in var.lifecycle_rules :
      can(regex("^[a-zA-Z0-9-]{1,255}$", r.id)) &&
      (r.abort_incomplete_multipart_upload_days == null || try(r.abort_incomplete_multipart_upload_days >= 1, false)) &&
      (r.intelligent_tiering_after_days == null || try(r.intelligent_tiering_after_days >= 0, false)) &&
      (r.noncurrent_version_expiration_days == null || try(r.noncurrent_version_expiration_days >= 1, false)) &&
      (r.expiration_days == null || try(r.expiration_days >= 1, false))
    ]) && length(distinct([for r in var.lifecycle_rules : r.id])) == length(var.lifecycle_rules)
    error_message = "lifecycle_rules: unique ids of letters, digits, hyphens; abort, noncurrent-expiration and expiration days >= 1, tiering days >= 0 (each or null)."
  }
}

variable "access_logging" {
  type = object({
    target_bucket = string
    target_prefix = string
  })
  description = "Server access logging into another bucket (which must be SSE-S3 and admit this bucket, see server_access_logs_source); null disables it."
  default     = null

  validation {
    condition     = var.access_logging == null || try(endswith(var.access_logging.target_prefix, "/"), false)
    error_message = "access_logging.target_prefix must end with /."
  }
}

variable "deny_outdated_tls" {
  type        = bool
  description = "Also deny requests over TLS older than 1.2 (plain HTTP is always denied)."
  default     = true
}

variable "server_access_logs_source" {
  type = object({
    bucket_arns = list(string)
    account_id  = string
    prefix      = string
  })
  description = "Make this bucket a server access log target: logging.s3.amazonaws.com may put objects under prefix, only for these source buckets of this account. null: no such statement."
  default     = null

  validation {
    condition     = var.server_access_logs_source == null || try(can(regex("^[0-9]{12}$", var.server_access_logs_source.account_id)) && length(var.server_access_logs_source.bucket_arns) > 0, false)
    error_message = "server_access_logs_source needs a 12-digit account_id and at least one source bucket ARN."
  }
}
