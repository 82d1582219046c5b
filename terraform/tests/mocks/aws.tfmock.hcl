# Shared mock data for `mock_provider "aws" { source = "../../tests/mocks" }` in every module test.
# The real provider still validates JSON and ARNs, so mocked values must be realistic.

mock_data "aws_availability_zones" {
  defaults = {
    names    = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    zone_ids = ["euw1-az1", "euw1-az2", "euw1-az3"]
  }
}

# Only keeps the provider's JSON validation of mocked runs happy: no test asserts on it. Policies are asserted as
# rendered by the real provider in the modules' tests/policy.tftest.hcl.
mock_data "aws_iam_policy_document" {
  defaults = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition  = "aws"
    dns_suffix = "amazonaws.com"
  }
}

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "123456789012"
    arn        = "arn:aws:iam::123456789012:user/test"
  }
}

mock_data "aws_region" {
  defaults = {
    name = "eu-west-1"
  }
}

mock_data "aws_ssm_parameter" {
  defaults = {
    value          = "ami-0123456789abcdef0"
    insecure_value = "ami-0123456789abcdef0"
  }
}

mock_data "aws_vpc" {
  defaults = {
    cidr_block = "10.0.0.0/16"
  }
}

mock_data "aws_secretsmanager_random_password" {
  defaults = {
    random_password = "mock-password-0123456789abcdefghij"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::123456789012:role/mock-role"
  }
}

mock_resource "aws_kms_key" {
  defaults = {
    arn    = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
    key_id = "11111111-2222-3333-4444-555555555555"
  }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = {
    arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/mock/log-group"
  }
}

mock_resource "aws_lambda_function" {
  defaults = {
    arn           = "arn:aws:lambda:eu-west-1:123456789012:function:mock-function"
    invoke_arn    = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:mock-function/invocations"
    qualified_arn = "arn:aws:lambda:eu-west-1:123456789012:function:mock-function:1"
    version       = "1"
  }
}

mock_resource "aws_lambda_alias" {
  defaults = {
    arn = "arn:aws:lambda:eu-west-1:123456789012:function:mock-function:live"
  }
}

mock_resource "aws_msk_cluster" {
  defaults = {
    arn          = "arn:aws:kafka:eu-west-1:123456789012:cluster/mock-cluster/0b1c2d3e-1111-2222-3333-444455556666-2"
    cluster_uuid = "0b1c2d3e-1111-2222-3333-444455556666-2"
    # Validated as host:port lists by the studio-notebook and flink-application modules.
    bootstrap_brokers_sasl_iam   = "b-1.mock.kafka.eu-west-1.amazonaws.com:9098,b-2.mock.kafka.eu-west-1.amazonaws.com:9098"
    bootstrap_brokers_tls        = "b-1.mock.kafka.eu-west-1.amazonaws.com:9094,b-2.mock.kafka.eu-west-1.amazonaws.com:9094"
    bootstrap_brokers_sasl_scram = "b-1.mock.kafka.eu-west-1.amazonaws.com:9096,b-2.mock.kafka.eu-west-1.amazonaws.com:9096"
  }
}

mock_resource "aws_msk_configuration" {
  defaults = {
    arn             = "arn:aws:kafka:eu-west-1:123456789012:configuration/mock/0b1c2d3e-1111-2222-3333-444455556666-2"
    latest_revision = 1
  }
}

mock_resource "aws_secretsmanager_secret" {
  defaults = {
    arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_mock-AbCdEf"
  }
}

mock_resource "aws_s3_bucket" {
  defaults = {
    arn = "arn:aws:s3:::mock-bucket"
  }
}

mock_resource "aws_sns_topic" {
  defaults = {
    arn = "arn:aws:sns:eu-west-1:123456789012:mock-topic"
  }
}

mock_resource "aws_kinesis_firehose_delivery_stream" {
  defaults = {
    arn = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/mock-stream"
  }
}

mock_resource "aws_iam_instance_profile" {
  defaults = {
    arn = "arn:aws:iam::123456789012:instance-profile/mock-profile"
  }
}

mock_resource "aws_ssm_document" {
  defaults = {
    arn            = "arn:aws:ssm:eu-west-1:123456789012:document/mock-document"
    latest_version = "1"
  }
}

mock_resource "aws_cloudwatch_dashboard" {
  defaults = {
    dashboard_arn = "arn:aws:cloudwatch::123456789012:dashboard/mock"
  }
}

mock_resource "aws_lambda_event_source_mapping" {
  defaults = {
    arn  = "arn:aws:lambda:eu-west-1:123456789012:event-source-mapping:11111111-2222-3333-4444-555555555555"
    uuid = "11111111-2222-3333-4444-555555555555"
  }
}

mock_resource "aws_glue_catalog_database" {
  defaults = {
    arn = "arn:aws:glue:eu-west-1:123456789012:database/mock"
  }
}

mock_resource "aws_security_group" {
  defaults = {
    arn = "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0123456789abcdef0"
    id  = "sg-0123456789abcdef0"
  }
}

mock_resource "aws_vpc" {
  defaults = {
    id  = "vpc-0123456789abcdef0"
    arn = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0123456789abcdef0"
  }
}

mock_resource "aws_subnet" {
  defaults = {
    id  = "subnet-0123456789abcdef0"
    arn = "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0123456789abcdef0"
  }
}

mock_resource "aws_instance" {
  defaults = {
    id  = "i-0123456789abcdef0"
    arn = "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0"
  }
}
