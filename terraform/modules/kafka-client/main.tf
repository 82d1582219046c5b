data "aws_partition" "current" {}
data "aws_region" "current" {}

data "aws_ssm_parameter" "al2023" {
  count = var.create && var.ami_id == null ? 1 : 0

  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${var.architecture}"
}

locals {
  create = var.create

  # Kafka CLI releases with checksums pinned from their published sources, by the cluster's minor version.
  # Sources: archive.apache.org .sha512 (3.7.2) and Homebrew's kafka formula sha256 (3.9.0, 4.0.0, 4.1.0).
  kafka_cli_catalogue = {
    "3.7" = { version = "3.7.2", algorithm = "sha512", checksum = "65c09fbe8c78098b1efb26632a35d90ee709327a7aab13b37b2023692e1649105714ea513253a19f2cb685dc2c0c3837f32e39e9fb1d8d2367fe4650e5ad3cdc" }
    "3.9" = { version = "3.9.0", algorithm = "sha256", checksum = "abc44402ddf103e38f19b0e4b44e65da9a831ba9e58fd7725041b1aa168ee8d1" }
    "4.0" = { version = "4.0.0", algorithm = "sha256", checksum = "7b852e938bc09de10cd96eca3755258c7d25fb89dbdd76305717607e1835e2aa" }
    "4.1" = { version = "4.1.0", algorithm = "sha256", checksum = "85b4538470d1dcb98d0273286bfab8717065522e597ecfffcd4db83a3021758e" }
  }
  kafka_minor = join(".", slice(split(".", var.kafka_version), 0, 2))
  kafka_cli   = var.kafka_cli != null ? var.kafka_cli : lookup(local.kafka_cli_catalogue, local.kafka_minor, null)

  kafka_home = "/opt/kafka"

  template_vars = {
    kafka_home                   = local.kafka_home
    region                       = data.aws_region.current.name
    cluster_arn                  = var.cluster_arn
    bootstrap_brokers_tls        = var.bootstrap_brokers.tls != null ? var.bootstrap_brokers.tls : ""
    bootstrap_brokers_sasl_iam   = var.bootstrap_brokers.sasl_iam != null ? var.bootstrap_brokers.sasl_iam : ""
    bootstrap_brokers_sasl_scram = var.bootstrap_brokers.sasl_scram != null ? var.bootstrap_brokers.sasl_scram : ""
    scram_secret_arn             = var.scram_secret_arn != null ? var.scram_secret_arn : ""
  }

  user_data = templatefile("${path.module}/templates/user-data.sh.tpl", merge(local.template_vars, {
    scala_version                = "2.13"
    kafka_cli_version            = try(local.kafka_cli.version, "")
    kafka_cli_checksum           = lower(try(local.kafka_cli.checksum, ""))
    kafka_cli_checksum_algorithm = try(local.kafka_cli.algorithm, "sha512")
    msk_iam_auth_version         = var.msk_iam_auth_version
    msk_iam_auth_sha256          = var.msk_iam_auth_sha256 != null ? var.msk_iam_auth_sha256 : ""
    client_ssl_properties        = chomp(templatefile("${path.module}/templates/client-ssl.properties.tpl", {}))
    client_iam_properties        = chomp(templatefile("${path.module}/templates/client-iam.properties.tpl", {}))
    client_sasl_properties       = chomp(templatefile("${path.module}/templates/client-sasl.properties.tpl", local.template_vars))
    profile_script               = chomp(templatefile("${path.module}/templates/profile.sh.tpl", local.template_vars))
  }))
}

################################################################################
# Security group: no inbound at all (Session Manager only)
################################################################################

resource "aws_security_group" "this" {
  count = local.create ? 1 : 0

  name_prefix = "${var.name}-"
  description = "Kafka client ${var.name}: no inbound (SSM only); HTTPS and Kafka out"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = var.name })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "https" {
  count = local.create ? 1 : 0

  security_group_id = aws_security_group.this[0].id
  description       = "HTTPS: SSM, Secrets Manager, package and Kafka downloads"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "kafka" {
  count = local.create ? 1 : 0

  security_group_id            = aws_security_group.this[0].id
  description                  = "Kafka TLS/SCRAM/IAM listeners of the cluster"
  ip_protocol                  = "tcp"
  from_port                    = 9094
  to_port                      = 9098
  referenced_security_group_id = var.cluster_security_group_id
}

################################################################################
# Instance
################################################################################

resource "aws_instance" "this" {
  count = local.create ? 1 : 0

  ami                    = coalesce(var.ami_id, try(nonsensitive(data.aws_ssm_parameter.al2023[0].value), null))
  instance_type          = var.instance_type
  subnet_id              = var.subnet_id
  vpc_security_group_ids = [aws_security_group.this[0].id]
  iam_instance_profile   = aws_iam_instance_profile.this[0].name
  monitoring             = true

  user_data                   = local.user_data
  user_data_replace_on_change = true

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  root_block_device {
    volume_type = "gp3"
    volume_size = var.root_volume_size
    encrypted   = true
    kms_key_id  = var.ebs_kms_key_arn
  }

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    precondition {
      condition     = local.kafka_cli != null
      error_message = "No Kafka CLI release is pinned for kafka_version ${var.kafka_version}; set kafka_cli."
    }
    # A new AMI release should not replace a running client.
    ignore_changes = [ami]
  }
}
