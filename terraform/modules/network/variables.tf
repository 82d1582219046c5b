variable "name" {
  type        = string
  description = "Name prefix for the network resources."

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9-]{0,40}$", var.name))
    error_message = "name must start with a letter and have 1-41 letters, digits or hyphens."
  }
}

variable "existing_vpc" {
  type = object({
    vpc_id                  = string
    private_subnet_ids      = list(string)
    private_route_table_ids = optional(list(string), [])
  })
  description = "Use an existing VPC (as the original did) instead of creating one: the module then only adds the VPC endpoints (if enabled) and passes the IDs through."
  default     = null

  validation {
    condition     = var.existing_vpc == null || try(length(var.existing_vpc.private_subnet_ids) >= 2 && length(var.existing_vpc.private_subnet_ids) <= 3, false)
    error_message = "existing_vpc.private_subnet_ids must list 2 or 3 subnets in different AZs."
  }
}

variable "cidr_block" {
  type        = string
  description = "IPv4 CIDR of a new VPC (/16 to /24). Private subnets take the first three quarters, public subnets small blocks of the last quarter."
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && try(tonumber(split("/", var.cidr_block)[1]) >= 16 && tonumber(split("/", var.cidr_block)[1]) <= 24, false)
    error_message = "cidr_block must be a valid IPv4 CIDR between /16 and /24."
  }
}

variable "az_count" {
  type        = number
  description = "Number of availability zones (2 or 3) for a new VPC."
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "azs" {
  type        = list(string)
  description = "Explicit availability zones; empty uses the first az_count available ones."
  default     = []

  validation {
    condition     = length(var.azs) == 0 || length(var.azs) == var.az_count
    error_message = "azs must be empty or list exactly az_count zones."
  }
}

variable "nat_gateway_mode" {
  type        = string
  description = "Internet egress of the private subnets: single (one NAT, cheap), per_az (one NAT per AZ, resilient) or none (no internet: rely on VPC endpoints; the client instance then cannot download Kafka)."
  default     = "single"

  validation {
    condition     = contains(["single", "per_az", "none"], var.nat_gateway_mode)
    error_message = "nat_gateway_mode must be one of: single, per_az, none."
  }
}

variable "vpc_endpoints" {
  type = object({
    enabled = optional(bool, false)
    # Interface endpoints (service short names); S3 is always a gateway endpoint when enabled.
    interface_services = optional(list(string), ["lambda", "sts", "secretsmanager", "kinesis-firehose", "ssm", "ssmmessages", "ec2messages", "logs"])
  })
  description = "Private endpoints so Lambda's MSK mapping, Firehose, Secrets Manager and SSM work without NAT."
  default     = {}

  validation {
    condition     = alltrue([for s in var.vpc_endpoints.interface_services : contains(["lambda", "sts", "secretsmanager", "kinesis-firehose", "ssm", "ssmmessages", "ec2messages", "logs", "kms", "monitoring", "sqs", "sns", "kafka"], s)])
    error_message = "vpc_endpoints.interface_services may contain: lambda, sts, secretsmanager, kinesis-firehose, ssm, ssmmessages, ec2messages, logs, kms, monitoring, sqs, sns, kafka."
  }

  validation {
    condition     = var.nat_gateway_mode != "none" || var.vpc_endpoints.enabled || var.existing_vpc != null
    error_message = "With nat_gateway_mode = none, enable vpc_endpoints: the MSK event source mapping needs a NAT gateway or Lambda and STS endpoints."
  }
}

variable "s3_gateway_endpoint" {
  type        = bool
  description = "Create the S3 gateway endpoint (free) on the private route tables even when vpc_endpoints is off. Needed for a Lambda on-failure destination in S3: Lambda requires an endpoint for the destination service in the cluster's VPC."
  default     = false

  validation {
    condition     = !(var.s3_gateway_endpoint || var.vpc_endpoints.enabled) || var.existing_vpc == null || try(length(var.existing_vpc.private_route_table_ids) > 0, false)
    error_message = "The S3 gateway endpoint is attached to route tables: set existing_vpc.private_route_table_ids (the private subnets' route tables) when adding endpoints to an existing VPC."
  }
}

variable "flow_logs_kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for the flow-log log group (its policy must let logs.<region>.amazonaws.com use it for this log group, as modules/kms-key does). Null: CloudWatch Logs' own encryption."
  default     = null

  validation {
    condition     = var.flow_logs_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.flow_logs_kms_key_arn))
    error_message = "flow_logs_kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<id>)."
  }
}

variable "flow_logs_retention_in_days" {
  type        = number
  description = "Retention of VPC flow logs (rejected traffic) in CloudWatch; 0 disables flow logs."
  default     = 30

  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_logs_retention_in_days)
    error_message = "flow_logs_retention_in_days must be 0 (disabled) or a CloudWatch Logs retention value."
  }
}
