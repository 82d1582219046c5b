variable "create" {
  type        = bool
  description = "Whether to create any resource in this module (false: topics are managed elsewhere; names still pass through)."
  default     = true
}

variable "name" {
  type        = string
  description = "Prefix of the SSM document and association names."

  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]{3,100}$", var.name))
    error_message = "name must be 3-100 letters, digits, '_', '.' or '-'."
  }
}

variable "topics" {
  type = list(object({
    name               = string
    partitions         = optional(number, 3)
    replication_factor = optional(number, 3)
    config             = optional(map(string), {})
  }))
  description = "Topics to ensure. Existing topics are kept; partitions are only ever raised; removed entries are not deleted."

  validation {
    condition     = length(var.topics) >= 1 && alltrue([for t in var.topics : can(regex("^[a-zA-Z0-9._-]{1,249}$", t.name))])
    error_message = "topics must hold at least one topic, each name 1-249 letters, digits, '.', '_' or '-'."
  }

  validation {
    condition     = length(distinct([for t in var.topics : t.name])) == length(var.topics)
    error_message = "topics names must be unique."
  }

  validation {
    condition     = alltrue([for t in var.topics : t.partitions >= 1 && t.partitions <= 10000 && floor(t.partitions) == t.partitions])
    error_message = "topics partitions must be whole numbers between 1 and 10000."
  }

  validation {
    condition     = alltrue([for t in var.topics : t.replication_factor >= 1 && t.replication_factor <= var.broker_count])
    error_message = "topics replication_factor must be between 1 and broker_count."
  }

  validation {
    condition     = alltrue(flatten([for t in var.topics : [for k, v in t.config : can(regex("^[a-z0-9.]+$", k)) && !strcontains(v, ",")]]))
    error_message = "topics config keys must be Kafka property names (lowercase, dots) and values must not contain commas."
  }
}

variable "broker_count" {
  type        = number
  description = "Number of brokers of the cluster (upper bound of replication_factor)."

  validation {
    condition     = var.broker_count >= 1
    error_message = "broker_count must be at least 1."
  }
}

variable "instance_id" {
  type        = string
  description = "ID of the Kafka client instance (kafka-client module) that runs kafka-topics.sh."
}

variable "bootstrap_servers" {
  type        = string
  description = "Bootstrap string matching command_config (e.g. the IAM one with client-iam.properties)."
}

variable "command_config" {
  type        = string
  description = "Client property file on the instance for the access-control method in use (kafka-client output client_properties)."
  default     = "/opt/kafka/bin/client-iam.properties"

  validation {
    condition     = can(regex("^/[a-zA-Z0-9/._-]+$", var.command_config))
    error_message = "command_config must be an absolute path of letters, digits, '/', '.', '_' or '-'."
  }
}

variable "kafka_home" {
  type        = string
  description = "Kafka CLI installation directory on the instance."
  default     = "/opt/kafka"
}

variable "ready_marker" {
  type        = string
  description = "File whose presence means the instance finished its setup."
  default     = "/opt/kafka/.ready"
}

variable "wait_timeout_seconds" {
  type        = number
  description = "How long terraform apply waits for the association to succeed (the instance may still be booting), 60-3600 s."
  default     = 1200

  validation {
    condition     = var.wait_timeout_seconds >= 60 && var.wait_timeout_seconds <= 3600
    error_message = "wait_timeout_seconds must be between 60 and 3600."
  }
}
