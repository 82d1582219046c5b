# The on/off switch every module has, declared once and linked into each module as create.tf.
variable "create" {
  type        = bool
  description = "Whether to create any resource in this module."
  default     = true
}
