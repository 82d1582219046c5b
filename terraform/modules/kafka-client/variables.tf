variable "name" {
  type        = string
  description = "Name of the instance and prefix of its role and security group."

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{0,40}$", var.name))
    error_message = "name must start with a letter and have 1-41 letters, digits or hyphens."
  }
}

################################################################################
# Instance
################################################################################

variable "vpc_id" {
  type        = string
  description = "VPC of the instance (the cluster's VPC)."
}

variable "subnet_id" {
  type        = string
  description = "Private subnet for the instance. It needs a NAT gateway to download Kafka and SSM endpoints or NAT for Session Manager."
}

variable "instance_type" {
  type        = string
  description = "EC2 instance type (original t3.small). Must match architecture (Graviton types for arm64)."
  default     = "t3.small"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$", var.instance_type))
    error_message = "instance_type must look like t3.small."
  }
}

variable "architecture" {
  type        = string
  description = "CPU architecture of the Amazon Linux 2023 AMI: x86_64 or arm64."
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be x86_64 or arm64."
  }
}

variable "ami_id" {
  type        = string
  description = "AMI to use; null resolves the latest Amazon Linux 2023 image from its public SSM parameter."
  default     = null

  validation {
    condition     = var.ami_id == null || can(regex("^ami-[0-9a-f]+$", var.ami_id))
    error_message = "ami_id must look like ami-0123456789abcdef0."
  }
}

variable "root_volume_size" {
  type        = number
  description = "Encrypted gp3 root volume size in GiB (8-100)."
  default     = 16

  validation {
    condition     = var.root_volume_size >= 8 && var.root_volume_size <= 100
    error_message = "root_volume_size must be between 8 and 100 GiB."
  }
}

variable "ebs_kms_key_arn" {
  type        = string
  description = "Customer-managed key for the root volume; null uses the account's default EBS key."
  default     = null
}

################################################################################
# Kafka
################################################################################

variable "cluster_arn" {
  type        = string
  description = "ARN of the MSK cluster; IAM permissions are scoped to its name and UUID."

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kafka:[a-z0-9-]+:[0-9]{12}:cluster/[^/]+/[^/]+$", var.cluster_arn))
    error_message = "cluster_arn must be an MSK cluster ARN: arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>."
  }
}

variable "cluster_security_group_id" {
  type        = string
  description = "Security group of the brokers; the client gets egress to it on 9094-9098 (add this client's group to the cluster's client_security_group_ids for ingress)."
}

variable "kafka_version" {
  type        = string
  description = "Kafka version of the cluster (e.g. 4.1.x.kraft); picks the matching CLI release when kafka_cli is null."
}

variable "kafka_cli" {
  type = object({
    version   = string
    checksum  = string
    algorithm = optional(string, "sha512")
  })
  description = "Kafka CLI release to install (Scala 2.13 build) with its published checksum. Null picks the pinned release for the cluster's minor version (3.7, 3.9, 4.0, 4.1)."
  default     = null

  validation {
    condition     = var.kafka_cli == null || try(contains(["sha256", "sha512"], var.kafka_cli.algorithm) && can(regex("^[0-9a-fA-F]{64}([0-9a-fA-F]{64})?$", var.kafka_cli.checksum)), false)
    error_message = "kafka_cli.algorithm must be sha256 or sha512 and kafka_cli.checksum a hex digest."
  }

  validation {
    condition     = var.kafka_cli != null || contains(["3.7", "3.9", "4.0", "4.1"], join(".", slice(split(".", var.kafka_version), 0, 2)))
    error_message = "No pinned Kafka CLI for this kafka_version: set kafka_cli = { version, checksum, algorithm } from https://archive.apache.org/dist/kafka/."
  }
}

variable "msk_iam_auth_version" {
  type        = string
  description = "aws-msk-iam-auth release (2.x) installed into Kafka's libs."
  default     = "2.3.2"

  validation {
    condition     = can(regex("^2\\.[0-9]+\\.[0-9]+$", var.msk_iam_auth_version))
    error_message = "msk_iam_auth_version must be a 2.x release such as 2.3.2."
  }
}

variable "msk_iam_auth_sha256" {
  type        = string
  description = "Pinned SHA-256 of aws-msk-iam-auth-<version>-all.jar. Null verifies against the .sha256 file published with the GitHub release instead."
  default     = null

  validation {
    condition     = var.msk_iam_auth_sha256 == null || can(regex("^[0-9a-f]{64}$", var.msk_iam_auth_sha256))
    error_message = "msk_iam_auth_sha256 must be a lowercase 64-character hex digest."
  }
}

variable "bootstrap_brokers" {
  type = object({
    tls        = optional(string)
    sasl_iam   = optional(string)
    sasl_scram = optional(string)
  })
  description = "Bootstrap strings of the cluster, exported as BOOTSTRAP_TLS / BOOTSTRAP_IAM / BOOTSTRAP_SCRAM on the instance."
  default     = {}
}

variable "scram_secret_arn" {
  type        = string
  description = "AmazonMSK_ secret whose credentials go into client-sasl.properties at boot (read from Secrets Manager; never in user data). Null: no SASL file."
  default     = null

  validation {
    condition     = var.scram_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:AmazonMSK_.+$", var.scram_secret_arn))
    error_message = "scram_secret_arn must be a Secrets Manager ARN whose name starts with AmazonMSK_."
  }
}

variable "scram_kms_key_arn" {
  type        = string
  description = "Key of the SCRAM secret (kms:Decrypt via Secrets Manager only). Required with scram_secret_arn."
  default     = null

  validation {
    condition     = (var.scram_secret_arn == null) == (var.scram_kms_key_arn == null)
    error_message = "scram_kms_key_arn must be set exactly when scram_secret_arn is set."
  }
}

variable "topic_patterns" {
  type        = list(string)
  description = "Topic names (or name prefixes ending in *) the instance may create, alter, write and read; scoped to the cluster's UUID."
  default     = ["*"]

  validation {
    condition     = length(var.topic_patterns) > 0 && alltrue([for t in var.topic_patterns : can(regex("^[a-zA-Z0-9._-]*\\*?$", t)) && t != ""])
    error_message = "topic_patterns must be non-empty topic names, optionally ending in *."
  }
}
