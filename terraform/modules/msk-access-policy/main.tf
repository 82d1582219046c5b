# Pure module: no resources or data sources. Callers render the statements into their own
# aws_iam_policy_document with one dynamic "statement" block, so each role keeps a single inline policy.

locals {
  # cluster/<name>/<uuid> -> topic/<name>/<uuid>/<topic>, group/<name>/<uuid>/<group>
  cluster_parts  = split("/", coalesce(var.cluster_arn, "arn:aws:kafka:-:-:cluster/-/-"))
  kafka_arn_base = replace(local.cluster_parts[0], ":cluster", "")
  cluster_path   = "${local.cluster_parts[1]}/${local.cluster_parts[2]}"

  kafka_statements = !var.kafka_access_enabled ? [] : concat(
    [
      { sid = var.sids.connect, actions = var.cluster_actions, resources = [var.cluster_arn] },
      { sid = var.sids.topics, actions = var.topic_actions, resources = [for t in var.topics : "${local.kafka_arn_base}:topic/${local.cluster_path}/${t}"] },
    ],
    length(var.consumer_groups) == 0 ? [] : [
      { sid = var.sids.groups, actions = ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"], resources = [for g in var.consumer_groups : "${local.kafka_arn_base}:group/${local.cluster_path}/${g}"] },
    ],
  )

  vpc_application_statements = var.vpc_application == null ? [] : [
    { sid = "WriteOwnLogs", actions = ["logs:PutLogEvents", "logs:DescribeLogStreams"], resources = ["${var.vpc_application.log_group_arn}:*"] },
    {
      sid       = "FindLogGroups"
      actions   = ["logs:DescribeLogGroups"]
      resources = ["arn:${var.vpc_application.partition}:logs:${var.vpc_application.region}:${var.vpc_application.account_id}:log-group:*"]
    },
    # ENIs in the cluster's subnets. These EC2 calls do not support resource-level permissions.
    {
      sid = "ManageNetworkInterfaces"
      actions = [
        "ec2:CreateNetworkInterface",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:DescribeDhcpOptions",
      ]
      resources = ["*"]
    },
  ]
}
