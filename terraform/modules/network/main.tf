data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_region" "current" {}

locals {
  create     = var.create
  create_vpc = local.create && var.existing_vpc == null

  azs = length(var.azs) > 0 ? var.azs : slice(data.aws_availability_zones.available.names, 0, var.az_count)

  # Private subnets: the first three quarters of the VPC; public: small blocks in the last quarter.
  private_cidrs = [for i in range(var.az_count) : cidrsubnet(var.cidr_block, 2, i)]
  public_cidrs  = [for i in range(var.az_count) : cidrsubnet(cidrsubnet(var.cidr_block, 2, 3), 4, i)]

  nat_count = !local.create_vpc ? 0 : (var.nat_gateway_mode == "per_az" ? var.az_count : (var.nat_gateway_mode == "single" ? 1 : 0))

  vpc_id                  = local.create_vpc ? try(aws_vpc.this[0].id, null) : try(var.existing_vpc.vpc_id, null)
  private_subnet_ids      = local.create_vpc ? aws_subnet.private[*].id : try(var.existing_vpc.private_subnet_ids, [])
  private_route_table_ids = local.create_vpc ? aws_route_table.private[*].id : try(var.existing_vpc.private_route_table_ids, [])

  endpoints = local.create && var.vpc_endpoints.enabled ? toset(var.vpc_endpoints.interface_services) : toset([])

  # Free, and the only way some callers reach S3 (a Lambda on-failure destination needs an endpoint in the
  # cluster's VPC even when a NAT gateway exists).
  s3_gateway_endpoint = local.create && (var.vpc_endpoints.enabled || var.s3_gateway_endpoint)
}

################################################################################
# VPC
################################################################################

resource "aws_vpc" "this" {
  count = local.create_vpc ? 1 : 0

  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(var.tags, { Name = var.name })
}

# Lock down the default security group: no rules at all.
resource "aws_default_security_group" "this" {
  count = local.create_vpc ? 1 : 0

  vpc_id = aws_vpc.this[0].id
  tags   = merge(var.tags, { Name = "${var.name}-default-deny" })
}

resource "aws_subnet" "private" {
  count = local.create_vpc ? var.az_count : 0

  vpc_id            = aws_vpc.this[0].id
  cidr_block        = local.private_cidrs[count.index]
  availability_zone = local.azs[count.index]
  tags              = merge(var.tags, { Name = "${var.name}-private-${local.azs[count.index]}", Tier = "private" })
}

resource "aws_subnet" "public" {
  count = local.create_vpc && local.nat_count > 0 ? var.az_count : 0

  vpc_id                  = aws_vpc.this[0].id
  cidr_block              = local.public_cidrs[count.index]
  availability_zone       = local.azs[count.index]
  map_public_ip_on_launch = false
  tags                    = merge(var.tags, { Name = "${var.name}-public-${local.azs[count.index]}", Tier = "public" })
}

resource "aws_internet_gateway" "this" {
  count = local.create_vpc && local.nat_count > 0 ? 1 : 0

  vpc_id = aws_vpc.this[0].id
  tags   = merge(var.tags, { Name = var.name })
}

resource "aws_eip" "nat" {
  count = local.nat_count

  domain = "vpc"
  tags   = merge(var.tags, { Name = "${var.name}-nat-${local.azs[count.index]}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_nat_gateway" "this" {
  count = local.nat_count

  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags          = merge(var.tags, { Name = "${var.name}-nat-${local.azs[count.index]}" })
}

resource "aws_route_table" "public" {
  count = local.create_vpc && local.nat_count > 0 ? 1 : 0

  vpc_id = aws_vpc.this[0].id
  tags   = merge(var.tags, { Name = "${var.name}-public" })
}

resource "aws_route" "public_internet" {
  count = local.create_vpc && local.nat_count > 0 ? 1 : 0

  route_table_id         = aws_route_table.public[0].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this[0].id
}

resource "aws_route_table_association" "public" {
  count = local.create_vpc && local.nat_count > 0 ? var.az_count : 0

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public[0].id
}

resource "aws_route_table" "private" {
  count = local.create_vpc ? var.az_count : 0

  vpc_id = aws_vpc.this[0].id
  tags   = merge(var.tags, { Name = "${var.name}-private-${local.azs[count.index]}" })
}

resource "aws_route" "private_nat" {
  count = local.create_vpc && local.nat_count > 0 ? var.az_count : 0

  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[var.nat_gateway_mode == "per_az" ? count.index : 0].id
}

resource "aws_route_table_association" "private" {
  count = local.create_vpc ? var.az_count : 0

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

################################################################################
# Flow logs (rejected traffic)
################################################################################

resource "aws_cloudwatch_log_group" "flow_logs" {
  count = local.create_vpc && var.flow_logs_retention_in_days > 0 ? 1 : 0

  name              = "/aws/vpc/${var.name}/flow-logs"
  retention_in_days = var.flow_logs_retention_in_days
  kms_key_id        = var.flow_logs_kms_key_arn
  tags              = var.tags
}

data "aws_iam_policy_document" "flow_logs_assume" {
  count = local.create_vpc && var.flow_logs_retention_in_days > 0 ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flow_logs" {
  count = local.create_vpc && var.flow_logs_retention_in_days > 0 ? 1 : 0

  name_prefix        = substr("${var.name}-flow-logs-", 0, 38)
  assume_role_policy = data.aws_iam_policy_document.flow_logs_assume[0].json
  tags               = var.tags
}

data "aws_iam_policy_document" "flow_logs" {
  count = local.create_vpc && var.flow_logs_retention_in_days > 0 ? 1 : 0

  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.flow_logs[0].arn}:*"]
  }
}

resource "aws_iam_role_policy" "flow_logs" {
  count = local.create_vpc && var.flow_logs_retention_in_days > 0 ? 1 : 0

  name   = "write-flow-logs"
  role   = aws_iam_role.flow_logs[0].id
  policy = data.aws_iam_policy_document.flow_logs[0].json
}

resource "aws_flow_log" "this" {
  count = local.create_vpc && var.flow_logs_retention_in_days > 0 ? 1 : 0

  vpc_id          = aws_vpc.this[0].id
  traffic_type    = "REJECT"
  log_destination = aws_cloudwatch_log_group.flow_logs[0].arn
  iam_role_arn    = aws_iam_role.flow_logs[0].arn
  tags            = var.tags
}

################################################################################
# VPC endpoints
################################################################################

resource "aws_security_group" "endpoints" {
  count = local.create && var.vpc_endpoints.enabled ? 1 : 0

  name_prefix = "${var.name}-endpoints-"
  description = "Interface VPC endpoints: HTTPS from inside the VPC only"
  vpc_id      = local.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-endpoints" })

  lifecycle {
    create_before_destroy = true
  }
}

data "aws_vpc" "selected" {
  count = local.create && var.vpc_endpoints.enabled && var.existing_vpc != null ? 1 : 0

  id = var.existing_vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  count = local.create && var.vpc_endpoints.enabled ? 1 : 0

  security_group_id = aws_security_group.endpoints[0].id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = local.create_vpc ? var.cidr_block : data.aws_vpc.selected[0].cidr_block
}

resource "aws_vpc_endpoint" "interface" {
  for_each = local.endpoints

  vpc_id              = local.vpc_id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = local.private_subnet_ids
  security_group_ids  = [aws_security_group.endpoints[0].id]
  tags                = merge(var.tags, { Name = "${var.name}-${each.key}" })
}

resource "aws_vpc_endpoint" "s3" {
  count = local.s3_gateway_endpoint ? 1 : 0

  vpc_id            = local.vpc_id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = local.private_route_table_ids
  tags              = merge(var.tags, { Name = "${var.name}-s3" })
}
