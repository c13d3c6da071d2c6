/** The customer side: staff of a (fictional) office-supplies company, 优品办公用品有限公司. */
import { Random } from './prng.ts'

export const COMPANY_DOMAIN = 'youpin-office.com.cn'

export interface Person {
  name: string
  dept: string
  email: string
  /** One of the 40 key users of the administrative-office module (the training headcount). */
  keyUser: boolean
  /** Relative ticket volume. */
  weight: number
}

/** Department, staff count, key users, relative activity per person. */
const DEPARTMENTS: readonly [string, number, number, number][] = [
  ['行政部', 12, 6, 2.2], ['财务部', 11, 5, 1.6], ['采购部', 9, 4, 1.3], ['仓储物流部', 14, 3, 0.9],
  ['销售一部', 13, 3, 0.9], ['销售二部', 12, 3, 0.8], ['人力资源部', 8, 4, 1.4], ['总经办', 5, 2, 0.7],
  ['市场部', 9, 2, 0.8], ['客服部', 10, 2, 0.9], ['信息技术部', 7, 4, 1.8], ['电商运营部', 10, 2, 0.8],
]

const SURNAMES: readonly [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
  ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['蒋', 'jiang'], ['蔡', 'cai'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['魏', 'wei'],
  ['苏', 'su'], ['丁', 'ding'], ['任', 'ren'], ['沈', 'shen'],
]

const GIVEN: readonly [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀英', 'xiuying'], ['霞', 'xia'], ['平', 'ping'],
  ['刚', 'gang'], ['桂英', 'guiying'], ['晓东', 'xiaodong'], ['建华', 'jianhua'], ['海燕', 'haiyan'],
  ['文博', 'wenbo'], ['思雨', 'siyu'], ['子涵', 'zihan'], ['浩然', 'haoran'], ['梓萱', 'zixuan'],
  ['欣怡', 'xinyi'], ['俊杰', 'junjie'], ['佳怡', 'jiayi'], ['志强', 'zhiqiang'], ['丽华', 'lihua'],
  ['国庆', 'guoqing'], ['春梅', 'chunmei'], ['玉兰', 'yulan'], ['婷婷', 'tingting'], ['鹏', 'peng'],
  ['宇', 'yu'], ['倩', 'qian'], ['琳', 'lin'], ['慧', 'hui'], ['晨', 'chen'], ['颖', 'ying'], ['凯', 'kai'],
]

function drawName(rng: Random): [string, string] {
  const [sz, sp] = rng.pick(SURNAMES)
  const [gz, gp] = rng.pick(GIVEN)
  return [sz + gz, `${gp}.${sp}`]
}

/** 130 people with unique names (so a name alone identifies a customer in every export) and 40 key users. */
export function buildRoster(seed: number): Person[] {
  const rng = Random.derive(seed, 'roster')
  const names = new Set<string>(['张伟'])
  const emails = new Set<string>()
  const roster: Person[] = []
  for (const [dept, size, keyUsers, activity] of DEPARTMENTS) {
    for (let i = 0; i < size; i++) {
      // The brief's example customer, 行政部-张伟, is the first person of the roster.
      let [name, email] = dept === '行政部' && i === 0 ? ['张伟', 'wei.zhang'] : drawName(rng)
      while (names.has(name) && !(dept === '行政部' && i === 0)) [name, email] = drawName(rng)
      names.add(name)
      let unique = email
      for (let n = 2; emails.has(unique); n++) unique = `${email}${n}`
      emails.add(unique)
      const keyUser = i < keyUsers
      roster.push({
        name, dept, email: `${unique}@${COMPANY_DOMAIN}`, keyUser,
        weight: activity * (keyUser ? 2.5 : 1) * (0.5 + rng.float()),
      })
    }
  }
  return roster
}
