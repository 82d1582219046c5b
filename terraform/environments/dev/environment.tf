# Inputs of the DEV root whose defaults are its own (the others: variables.tf, shared by both roots).

variable "environment" {
  type        = string
  description = "Environment name, the second part of every resource name."
  default     = "dev"
}

variable "lambda_snap_start" {
  type        = bool
  description = "SnapStart for JVM functions."
  default     = false
}

variable "backup_query_enabled" {
  type        = bool
  description = "Query the backup with Athena: a Glue table with partition projection, a workgroup with encrypted, expiring results and named queries; the forwarder then writes envelopes (OUTPUT_FORMAT = envelope). Default off in dev (no Athena resources unless asked for)."
  default     = false
}
