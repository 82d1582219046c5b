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

  # A for over the optional input, not a conditional: the two statements' objects differ (one has conditions).
  scram_statements = flatten([for secret in var.scram_secret == null ? [] : [var.scram_secret] : [
    { sid = "ReadScramSecret", actions = ["secretsmanager:GetSecretValue"], resources = [secret.arn] },
    {
      sid        = "DecryptScramSecret"
      actions    = ["kms:Decrypt"]
      resources  = [secret.kms_key_arn]
      conditions = { StringEquals = { "kms:ViaService" = secret.via_service } }
    },
  ]])

  # The client statements as one policy document, for callers to merge with source_policy_documents (their own
  # statements follow these). IAM takes a single action or resource as a string, as aws_iam_policy_document
  # writes it.
  client_policy_json = jsonencode({
    Version = "2012-10-17"
    Statement = [for s in concat(local.kafka_statements, local.scram_statements) : merge(
      {
        Sid      = s.sid
        Effect   = "Allow"
        Action   = try(one(s.actions), s.actions)
        Resource = try(one(s.resources), s.resources)
      },
      try(s.conditions, null) == null ? {} : { Condition = s.conditions },
    )]
  })

  # S3A treats keys as a file system: before writing it asks whether the sink's folder and each parent exists
  # (HEAD on "a", "a/b" and on the folder markers "a/", "a/b/", then a LIST), and after writing a file it deletes
  # the parents' folder markers. Grants on "<prefix>/*" alone refuse those probes with 403, which S3A reports as
  # AccessDeniedException instead of "not found".
  s3a_parts     = var.s3a_output == null ? [] : split("/", var.s3a_output.prefix)
  s3a_ancestors = [for i in range(1, length(local.s3a_parts) + 1) : join("/", slice(local.s3a_parts, 0, i))]

  s3a_output_statements = var.s3a_output == null ? [] : [
    {
      sid       = "OutputBucket"
      actions   = ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"]
      resources = [var.s3a_output.bucket_arn]
    },
    {
      sid       = "OutputObjects"
      actions   = ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"]
      resources = ["${var.s3a_output.bucket_arn}/${var.s3a_output.prefix}/*"]
    },
    {
      sid       = "OutputPathProbes"
      actions   = ["s3:GetObject"]
      resources = concat([for a in local.s3a_ancestors : "${var.s3a_output.bucket_arn}/${a}"], [for a in local.s3a_ancestors : "${var.s3a_output.bucket_arn}/${a}/"])
    },
    {
      sid       = "OutputParentMarkers"
      actions   = ["s3:DeleteObject"]
      resources = [for a in local.s3a_ancestors : "${var.s3a_output.bucket_arn}/${a}/"]
    },
  ]

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
