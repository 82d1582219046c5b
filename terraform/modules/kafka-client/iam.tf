data "aws_iam_policy_document" "assume" {
  count = local.create ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  count = local.create ? 1 : 0

  name_prefix        = substr("${var.name}-", 0, 38)
  description        = "Kafka client ${var.name}: Session Manager and scoped Kafka access"
  assume_role_policy = data.aws_iam_policy_document.assume[0].json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "ssm" {
  count = local.create ? 1 : 0

  role       = aws_iam_role.this[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "this" {
  count = local.create ? 1 : 0

  name_prefix = substr("${var.name}-", 0, 38)
  role        = aws_iam_role.this[0].name
  tags        = var.tags
}

module "access_policy" {
  source = "../msk-access-policy"

  cluster_arn     = var.cluster_arn
  cluster_actions = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:DescribeClusterDynamicConfiguration"]
  topics          = var.topic_patterns
  topic_actions = [
    "kafka-cluster:CreateTopic",
    "kafka-cluster:DescribeTopic",
    "kafka-cluster:AlterTopic",
    "kafka-cluster:DescribeTopicDynamicConfiguration",
    "kafka-cluster:AlterTopicDynamicConfiguration",
    "kafka-cluster:WriteData",
    "kafka-cluster:ReadData",
  ]
  consumer_groups = ["*"]
  sids            = { connect = "KafkaConnect", topics = "KafkaTopics", groups = "KafkaGroups" }
}

data "aws_iam_policy_document" "kafka" {
  count = local.create ? 1 : 0

  statement {
    sid       = "ClusterMetadata"
    actions   = ["kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers"]
    resources = [var.cluster_arn]
  }

  # kafka-cluster data plane: modules/msk-access-policy (explicit topic actions; the original granted
  # kafka-cluster:*Topic*).
  dynamic "statement" {
    for_each = module.access_policy.kafka_statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }

  dynamic "statement" {
    for_each = var.scram_secret_arn != null ? [1] : []
    content {
      sid       = "ReadScramSecret"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [var.scram_secret_arn]
    }
  }

  dynamic "statement" {
    for_each = var.scram_secret_arn != null ? [1] : []
    content {
      sid       = "DecryptScramSecret"
      actions   = ["kms:Decrypt"]
      resources = [var.scram_kms_key_arn]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}"]
      }
    }
  }
}

resource "aws_iam_role_policy" "kafka" {
  count = local.create ? 1 : 0

  name   = "kafka-client"
  role   = aws_iam_role.this[0].id
  policy = data.aws_iam_policy_document.kafka[0].json
}
