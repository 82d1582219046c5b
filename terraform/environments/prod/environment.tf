# Inputs of the PROD root whose defaults are its own (the others: variables.tf, shared by both roots).

variable "environment" {
  type        = string
  description = "Environment name, the second part of every resource name."
  default     = "prod"
}

variable "lambda_snap_start" {
  type        = bool
  description = "SnapStart for JVM functions (ignored by native: set false with lambda_runtime_mode = native)."
  default     = true
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse any plan that destroys or replaces the cluster, the output bucket or the keys (terraform destroy included). To remove it: terraform state rm 'module.platform.terraform_data.deletion_protection[0]', then set false."
  default     = true
}

variable "backup_query_enabled" {
  type        = bool
  description = "Query the backup with Athena: a Glue table with partition projection, a workgroup with encrypted, expiring results and named queries; the forwarder then writes envelopes (OUTPUT_FORMAT = envelope). Default on in prod: the backup can be searched and checked for duplicates."
  default     = true
}
