################################################################################
# General
################################################################################

variable "name" {
  type        = string
  description = "Cluster name (1-64 characters: letters, digits, hyphens); also prefixes the other resources. Pick one per deployment (the original's fixed kafka-cluster-<account> allowed only one)."

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{0,63}$", var.name))
    error_message = "name must start with a letter and have 1-64 letters, digits or hyphens."
  }
}

################################################################################
# Brokers
################################################################################

variable "kafka_version" {
  type        = string
  description = "Kafka version MSK supports (https://docs.aws.amazon.com/msk/latest/developerguide/supported-kafka-versions.html). `.kraft` versions use KRaft metadata; the rest ZooKeeper. Defaults to the newest; the original's 3.5.1 is out of support since 2025-10-23."
  default     = "4.1.x.kraft"

  validation {
    condition     = contains(["3.6.0", "3.7.x", "3.7.x.kraft", "3.8.x", "3.8.x.kraft", "3.9.x", "3.9.x.kraft", "4.0.x.kraft", "4.1.x.kraft"], var.kafka_version)
    error_message = "kafka_version must be a version MSK still supports: 3.6.0, 3.7.x, 3.7.x.kraft, 3.8.x, 3.8.x.kraft, 3.9.x, 3.9.x.kraft, 4.0.x.kraft, 4.1.x.kraft."
  }
}

variable "number_of_broker_nodes" {
  type        = number
  description = "Number of brokers (at least 2; a multiple of the number of subnets)."
  default     = 3

  validation {
    condition     = var.number_of_broker_nodes >= 2 && floor(var.number_of_broker_nodes) == var.number_of_broker_nodes
    error_message = "number_of_broker_nodes must be a whole number of at least 2."
  }

  validation {
    condition     = var.number_of_broker_nodes % length(var.subnet_ids) == 0
    error_message = "number_of_broker_nodes must be a multiple of the number of subnet_ids (MSK spreads brokers evenly across the AZs)."
  }
}

variable "broker_instance_type" {
  type        = string
  description = "Broker size: kafka.t3.small (dev only), kafka.m5.* or kafka.m7g.* (Graviton, better price/performance)."
  default     = "kafka.m7g.large"

  validation {
    condition     = can(regex("^kafka\\.(t3\\.small|m5\\.(large|(2|4|8|12|16|24)?xlarge)|m7g\\.(large|(2|4|8|12|16)?xlarge))$", var.broker_instance_type))
    error_message = "broker_instance_type must be kafka.t3.small, kafka.m5.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge,24xlarge} or kafka.m7g.{large,xlarge,2xlarge,4xlarge,8xlarge,12xlarge,16xlarge}."
  }
}

variable "ebs_volume_size" {
  type        = number
  description = "EBS storage per broker in GiB at creation (1-16384; original 1000). Terraform ignores later changes on the cluster (MSK volumes only grow): with storage_autoscaling the value is the scaling target's minimum, so raising it grows the volumes; without it, grow them with aws kafka update-broker-storage and then set this to the new size."
  default     = 1000

  validation {
    condition     = var.ebs_volume_size >= 1 && var.ebs_volume_size <= 16384
    error_message = "ebs_volume_size must be between 1 and 16384 GiB."
  }
}

variable "storage_autoscaling" {
  type = object({
    enabled                    = optional(bool, false)
    max_volume_size            = optional(number, 4000)
    target_utilization_percent = optional(number, 60)
  })
  description = "Broker storage auto scaling (scale-out only, at most once every 6 hours): Application Auto Scaling grows the volumes from ebs_volume_size (the minimum) up to max_volume_size to keep disk use near target_utilization_percent. Not available in every Region (MSK lists Osaka, Cape Town and Malaysia as exceptions)."
  default     = {}

  validation {
    condition     = !var.storage_autoscaling.enabled || (var.storage_autoscaling.max_volume_size > var.ebs_volume_size && var.storage_autoscaling.max_volume_size <= 16384)
    error_message = "storage_autoscaling.max_volume_size must be greater than ebs_volume_size and at most 16384 GiB."
  }

  validation {
    condition     = var.storage_autoscaling.target_utilization_percent >= 10 && var.storage_autoscaling.target_utilization_percent <= 80
    error_message = "storage_autoscaling.target_utilization_percent must be between 10 and 80."
  }
}

variable "enhanced_monitoring" {
  type        = string
  description = "CloudWatch metric level: DEFAULT, PER_BROKER, PER_TOPIC_PER_BROKER or PER_TOPIC_PER_PARTITION."
  default     = "DEFAULT"

  validation {
    condition     = contains(["DEFAULT", "PER_BROKER", "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION"], var.enhanced_monitoring)
    error_message = "enhanced_monitoring must be one of: DEFAULT, PER_BROKER, PER_TOPIC_PER_BROKER, PER_TOPIC_PER_PARTITION."
  }
}

variable "server_properties" {
  type        = map(string)
  description = "Extra or overriding broker properties for the MSK configuration. The module sets auto.create.topics.enable=false, default.replication.factor=min(3, brokers), min.insync.replicas=2 when 3+ brokers (else 1), unclean.leader.election.enable=false."
  default     = {}
}

################################################################################
# Networking
################################################################################

variable "vpc_id" {
  type        = string
  description = "VPC of the cluster."

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0123456789abcdef0."
  }
}

variable "subnet_ids" {
  type        = list(string)
  description = "2 or 3 private subnets in different AZs for the brokers."

  validation {
    condition     = length(var.subnet_ids) >= 2 && length(var.subnet_ids) <= 3
    error_message = "subnet_ids must list 2 or 3 subnets (one per AZ)."
  }
}

variable "client_security_group_ids" {
  type        = map(string)
  description = "Named security groups allowed to reach the listener ports in use, e.g. { kafka_client = sg-..., studio = sg-... }. The cluster's own group is always allowed (the Lambda mapping's ENIs use it)."
  default     = {}
}

variable "allowed_cidr_blocks" {
  type        = list(string)
  description = "Extra IPv4 CIDR blocks allowed on the listener ports (private ranges only; 0.0.0.0/0 is rejected)."
  default     = []

  validation {
    condition     = alltrue([for c in var.allowed_cidr_blocks : can(cidrhost(c, 0)) && c != "0.0.0.0/0"])
    error_message = "allowed_cidr_blocks must be valid IPv4 CIDR blocks and never 0.0.0.0/0."
  }
}

variable "monitoring_security_group_ids" {
  type        = map(string)
  description = "Named security groups (e.g. a Prometheus server) allowed to scrape the open-monitoring exporters on 11001/11002."
  default     = {}
}

################################################################################
# Access control and encryption
################################################################################

variable "client_authentication" {
  type = object({
    unauthenticated = optional(bool, false)
    iam             = optional(bool, true)
    scram           = optional(bool, false)
  })
  description = "Any combination of unauthenticated TLS (port 9094), IAM (9098, the original default) and SASL/SCRAM (9096). Plaintext is never enabled."
  default     = {}

  validation {
    condition     = var.client_authentication.unauthenticated || var.client_authentication.iam || var.client_authentication.scram
    error_message = "client_authentication must enable at least one of unauthenticated, iam, scram."
  }
}

variable "scram_users" {
  type        = list(string)
  description = "SCRAM users to create: one AmazonMSK_<name>_<user> secret each (customer-managed key, generated password, associated to the cluster). Requires client_authentication.scram."
  default     = []

  validation {
    condition     = alltrue([for u in var.scram_users : can(regex("^[a-zA-Z0-9_-]{1,64}$", u))])
    error_message = "scram_users entries must be 1-64 letters, digits, hyphens or underscores."
  }

  validation {
    condition     = length(var.scram_users) == 0 || var.client_authentication.scram
    error_message = "scram_users requires client_authentication.scram = true."
  }
}

variable "create_kms_key" {
  type        = bool
  description = "Create a customer-managed KMS key (rotating) for encryption at rest and the SCRAM secrets. When false and kms_key_arn is null, MSK uses the AWS-managed aws/kafka key (a key is still created when SCRAM users need one)."
  default     = false
}

variable "kms_key_arn" {
  type        = string
  description = "Existing customer-managed KMS key to use instead."
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }

  validation {
    condition     = !(var.kms_key_arn != null && var.create_kms_key)
    error_message = "Set create_kms_key = false when passing kms_key_arn."
  }
}

variable "firehose_private_access" {
  type        = bool
  description = "Enable multi-VPC private connectivity for IAM and a cluster policy letting Firehose (MSK-source mode) connect. Needs IAM auth and not kafka.t3.small."
  default     = false

  validation {
    condition     = !var.firehose_private_access || (var.client_authentication.iam && var.broker_instance_type != "kafka.t3.small")
    error_message = "firehose_private_access needs client_authentication.iam = true and a broker type other than kafka.t3.small."
  }
}

################################################################################
# Logs and monitoring
################################################################################

variable "broker_log_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the broker log group (its policy must let logs.<region>.amazonaws.com use it for this log group, as modules/kms-key does). Null: CloudWatch Logs' own encryption."
  default     = null

  validation {
    condition     = var.broker_log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.broker_log_kms_key_arn))
    error_message = "broker_log_kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "broker_log_retention_in_days" {
  type        = number
  description = "Retention of the broker log group (the original kept the 2-year default)."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.broker_log_retention_in_days)
    error_message = "broker_log_retention_in_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "open_monitoring" {
  type        = bool
  description = "Enable the Prometheus JMX and node exporters (ports 11001/11002 are opened only to monitoring_security_group_ids)."
  default     = true
}
