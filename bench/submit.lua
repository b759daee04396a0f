-- wrk script: POST /api/applications, each request with its own
-- idempotency key (a new case every time). The 身份证 number is generated
-- (made-up region, date and sequence with a computed check digit).
-- Used by `cargo xtask bench load`.

local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  resident_id = os.getenv("JIUZHU_BENCH_ID")
  prefix = string.format("bench-%d-%d-%d-", tid, os.time(), math.random(1, 1000000000))
end

local template = [[{"idempotency_key":"%s","jurisdiction":"440114","programs":["dibao","temporary"],
"household":{"money_assets":"3000","cars":0,"homes":1,"emergency":"none","members":[
{"relation":"applicant","age":70,"hukou":{"local":true,"kind":"rural"},
"incomes":[{"kind":"resident_basic_pension","monthly":"180"}],"supporters":"none","self_care":"partial"},
{"relation":"spouse","age":68,"incomes":[{"kind":"wages","monthly":"600"}]}]},
"applicant":{"name":"压测","resident_id":"%s","mobile":"13912345678","address":"花都区新华街道压测社区1号"},
"consent":{"agreed":true,"name":"压测","text_version":"bench"}}]]

function request()
  counter = counter + 1
  local body = string.format(template, prefix .. counter, resident_id)
  return wrk.format("POST", "/api/applications", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end
