-- wrk script: the Data API ExecuteStatement a 1-row SELECT by primary key sends (bench/wrk/README.md)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"resourceArn":"arn:aws:rds:us-east-1:1:cluster:bench","secretArn":"arn:aws:secretsmanager:us-east-1:1:secret:bench",'
    .. '"sql":"select id, name from item where id = :id","parameters":[{"name":"id","value":{"longValue":'
    .. (counter % 1000) .. '}}]}'
  return wrk.format(nil, "/Execute", nil, body)
end
