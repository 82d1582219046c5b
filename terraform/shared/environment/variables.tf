# Per-deployment inputs both environment roots take (this file is linked from environments/dev and environments/prod;
# sizing is fixed in each main.tf, defaults that differ are in each environment.tf; validation happens in
# modules/platform).

variable "region" {
  type        = string
  description = "AWS region."
  default     = "eu-west-1"
}

variable "project" {
  type        = string
  description = "Project name, the first part of every resource name."
  default     = "msk-streaming"
}

variable "tags" {
  type        = map(string)
  description = "Extra tags for every resource."
  default     = {}
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses notified by the alarms."
  default     = []
}

variable "existing_vpc" {
  type = object({
    vpc_id                     = string
    private_subnet_ids         = list(string)
    private_route_table_ids    = optional(list(string), [])
    nat_gateway                = bool
    s3_gateway_endpoint_exists = optional(bool, false)
    interface_endpoints        = optional(list(string), [])
  })
  description = "Deploy into an existing VPC instead of creating one: its private subnets (one per AZ: 2 in dev, 3 in prod), their route tables (for the S3 gateway endpoint), whether they route to a NAT gateway (required: the Kafka client installs Kafka from the internet), and endpoints it already has. Null creates a VPC."
  default     = null
}

# Lambda packages: ./mvnw package (JVM) or ./mvnw package -Pnative ----------------

variable "logger_package_path" {
  type        = string
  description = "consumer-logger function.zip; null uses consumer-logger/target/function.zip of this repository."
  default     = null
}

variable "forwarder_package_path" {
  type        = string
  description = "firehose-forwarder function.zip; null uses firehose-forwarder/target/function.zip of this repository."
  default     = null
}

variable "lambda_runtime_mode" {
  type        = string
  description = "jvm (./mvnw package) or native (./mvnw package -Pnative, built for lambda_architecture)."
  default     = "jvm"
}

variable "lambda_architecture" {
  type        = string
  description = "arm64 or x86_64."
  default     = "arm64"
}

# Pattern 4: the Studio notebook's Flink SQL ---------------------------------------

variable "studio_notebook_enabled" {
  type        = bool
  description = "Create the Studio notebook (pattern 4) with its rendered note. It bills KPUs only while running; it is created stopped."
  default     = false
}

variable "flink_application_enabled" {
  type        = bool
  description = "Create the Managed Flink application that runs the same SQL continuously (bills KPUs while running)."
  default     = false
}

variable "flink_application_jar_path" {
  type        = string
  description = "Local application jar to upload (./mvnw -pl flink-sql package builds flink-sql/target/flink-sql-<version>-application.jar); required with flink_application_enabled."
  default     = null
}

variable "topics" {
  type = list(object({
    name               = string
    partitions         = optional(number, 3)
    replication_factor = optional(number, 3)
    config             = optional(map(string), {})
  }))
  description = "Topics created before the mappings (replication at most the broker count). Null: the root's own list in its main.tf."
  default     = null
}
