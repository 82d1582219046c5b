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
  scram_secret = var.scram_secret_arn == null ? null : {
    arn         = var.scram_secret_arn
    kms_key_arn = var.scram_kms_key_arn
    via_service = "secretsmanager.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}"
  }
  consumer_groups = ["*"]
  sids            = { connect = "KafkaConnect", topics = "KafkaTopics", groups = "KafkaGroups" }
}

data "aws_iam_policy_document" "kafka" {
  count = local.create ? 1 : 0

  # kafka-cluster data plane (explicit topic actions; the original granted kafka-cluster:*Topic*) and the SCRAM
  # secret: modules/msk-access-policy. Its statements come first.
  source_policy_documents = [module.access_policy.client_policy_json]

  statement {
    sid       = "ClusterMetadata"
    actions   = ["kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers"]
    resources = [var.cluster_arn]
  }
}

resource "aws_iam_role_policy" "kafka" {
  count = local.create ? 1 : 0

  name   = "kafka-client"
  role   = aws_iam_role.this[0].id
  policy = data.aws_iam_policy_document.kafka[0].json
}
