data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  create = var.create
  auth   = var.client_authentication
  kraft  = endswith(var.kafka_version, ".kraft")

  create_kms_key = var.create_kms_key || (length(var.scram_users) > 0 && var.kms_key_arn == null)
  kms_key_arn    = local.create_kms_key ? module.kms_key.key_arn : var.kms_key_arn

  # Listener ports actually in use; plaintext (9092) is never opened.
  listener_ports = merge(
    local.auth.unauthenticated ? { tls = 9094 } : {},
    local.auth.scram ? { scram = 9096 } : {},
    local.auth.iam ? { iam = 9098 } : {},
  )

  # Sources: the cluster's own group (the Lambda mapping's ENIs join it) plus named client groups.
  sg_sources = merge({ self = try(aws_security_group.this[0].id, null) }, var.client_security_group_ids)

  sg_ingress = merge(
    { for pair in setproduct(keys(local.sg_sources), keys(local.listener_ports)) :
      "${pair[0]}-${pair[1]}" => { source_sg = local.sg_sources[pair[0]], cidr = null, port = local.listener_ports[pair[1]], description = "Kafka ${pair[1]} listener from ${pair[0]}" }
    },
    { for pair in setproduct(var.allowed_cidr_blocks, keys(local.listener_ports)) :
      "${pair[0]}-${pair[1]}" => { source_sg = null, cidr = pair[0], port = local.listener_ports[pair[1]], description = "Kafka ${pair[1]} listener from ${pair[0]}" }
    },
    var.open_monitoring ? { for pair in setproduct(keys(var.monitoring_security_group_ids), ["11001", "11002"]) :
      "${pair[0]}-prometheus-${pair[1]}" => { source_sg = var.monitoring_security_group_ids[pair[0]], cidr = null, port = tonumber(pair[1]), description = "Prometheus exporter ${pair[1]} from ${pair[0]}" }
    } : {},
  )

  replication_factor = min(3, var.number_of_broker_nodes)
  server_properties = merge(
    {
      "auto.create.topics.enable"      = "false"
      "default.replication.factor"     = tostring(local.replication_factor)
      "min.insync.replicas"            = tostring(local.replication_factor >= 3 ? 2 : 1)
      "unclean.leader.election.enable" = "false"
      "num.partitions"                 = "3"
    },
    var.server_properties,
  )
  server_properties_text = join("\n", [for k in sort(keys(local.server_properties)) : "${k}=${local.server_properties[k]}"])
}

################################################################################
# KMS
################################################################################

# Used through MSK (encryption at rest, by a grant MSK creates) and Secrets Manager (the AmazonMSK_ secrets the
# cluster, the mappings and the client read).
module "kms_key" {
  source = "../kms-key"

  create       = local.create && local.create_kms_key
  description  = "${var.name}: MSK encryption at rest and SCRAM secrets"
  alias_name   = "${var.name}-msk"
  via_services = ["kafka", "secretsmanager"]
  tags         = var.tags
}

################################################################################
# Security group: only the listener ports in use, only from named sources
################################################################################

resource "aws_security_group" "this" {
  count = local.create ? 1 : 0

  name_prefix = "${var.name}-msk-"
  description = "MSK cluster ${var.name}: Kafka listeners from named sources only"
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-msk" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each = local.create ? local.sg_ingress : {}

  security_group_id            = aws_security_group.this[0].id
  description                  = each.value.description
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = each.value.source_sg
  cidr_ipv4                    = each.value.cidr
  tags                         = var.tags
}

# The mapping's pollers share this group and need HTTPS to Lambda/STS (NAT or endpoints) and the brokers.
resource "aws_vpc_security_group_egress_rule" "all" {
  count = local.create ? 1 : 0

  security_group_id = aws_security_group.this[0].id
  description       = "Outbound for brokers and the Lambda mapping's ENIs (Lambda, STS, Secrets Manager)"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  tags              = var.tags
}

################################################################################
# Configuration
################################################################################

resource "aws_msk_configuration" "this" {
  count = local.create ? 1 : 0

  # A configuration cannot be replaced in place: version the name by content and create the new one first.
  name              = "${var.name}-${substr(md5(local.server_properties_text), 0, 8)}"
  description       = "${var.name}: no topic auto-creation, replication ${local.replication_factor}"
  server_properties = local.server_properties_text

  lifecycle {
    create_before_destroy = true
  }
}

################################################################################
# Broker logs
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  count = local.create ? 1 : 0

  name              = "/aws/msk/${var.name}/broker"
  retention_in_days = var.broker_log_retention_in_days
  kms_key_id        = var.broker_log_kms_key_arn
  tags              = var.tags
}

################################################################################
# Cluster
################################################################################

resource "aws_msk_cluster" "this" {
  count = local.create ? 1 : 0

  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.number_of_broker_nodes
  enhanced_monitoring    = var.enhanced_monitoring

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.this[0].id]

    storage_info {
      ebs_storage_info {
        volume_size = var.ebs_volume_size
      }
    }

    dynamic "connectivity_info" {
      for_each = var.firehose_private_access ? [1] : []
      content {
        vpc_connectivity {
          client_authentication {
            sasl {
              iam = true
            }
          }
        }
      }
    }
  }

  client_authentication {
    unauthenticated = local.auth.unauthenticated

    sasl {
      iam   = local.auth.iam
      scram = local.auth.scram
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = local.kms_key_arn

    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this[0].arn
    revision = aws_msk_configuration.this[0].latest_revision
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.this[0].name
      }
    }
  }

  dynamic "open_monitoring" {
    for_each = var.open_monitoring ? [1] : []
    content {
      prometheus {
        jmx_exporter {
          enabled_in_broker = true
        }
        node_exporter {
          enabled_in_broker = true
        }
      }
    }
  }

  tags = var.tags

  timeouts {
    create = "120m"
    update = "120m"
    delete = "120m"
  }

  lifecycle {
    # MSK storage only grows (storage auto scaling, or Application Auto Scaling raising it to the target's minimum
    # below) and MSK refuses to shrink a volume: without this, the first plan after a scale-out would try to set
    # the volume back to ebs_volume_size and fail. Terraform sets the size only when it creates the cluster.
    ignore_changes = [broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size]
  }
}

################################################################################
# Storage auto scaling
################################################################################

resource "aws_appautoscaling_target" "storage" {
  count = local.create && var.storage_autoscaling.enabled ? 1 : 0

  service_namespace  = "kafka"
  scalable_dimension = "kafka:broker-storage:VolumeSize"
  resource_id        = aws_msk_cluster.this[0].arn
  # Registering a target moves the current capacity into [min, max], so raising ebs_volume_size grows the
  # volumes through Application Auto Scaling while Terraform ignores the size on the cluster itself.
  min_capacity = var.ebs_volume_size
  max_capacity = var.storage_autoscaling.max_volume_size
}

resource "aws_appautoscaling_policy" "storage" {
  count = local.create && var.storage_autoscaling.enabled ? 1 : 0

  name               = "${var.name}-broker-storage"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.storage[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.storage[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.storage[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value = var.storage_autoscaling.target_utilization_percent

    predefined_metric_specification {
      predefined_metric_type = "KafkaBrokerStorageUtilization"
    }
  }
}

################################################################################
# Firehose private access (MSK-source mode of the delivery stream)
################################################################################

data "aws_iam_policy_document" "cluster" {
  count = local.create && var.firehose_private_access ? 1 : 0

  statement {
    sid       = "FirehoseMskSource"
    actions   = ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2"]
    resources = [aws_msk_cluster.this[0].arn]

    principals {
      type        = "Service"
      identifiers = ["firehose.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_msk_cluster_policy" "this" {
  count = local.create && var.firehose_private_access ? 1 : 0

  cluster_arn = aws_msk_cluster.this[0].arn
  policy      = data.aws_iam_policy_document.cluster[0].json
}
