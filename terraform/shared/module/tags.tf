# The tags input of the modules that tag every resource alike, declared once and linked into each as tags.tf.
variable "tags" {
  type        = map(string)
  description = "Tags applied to every taggable resource."
  default     = {}
}
