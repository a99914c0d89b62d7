import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { UsersService } from '@ar/contracts';
import { ApiPageResponse, ApiProblems, Idempotent, PageQueryDto, UuidParam } from '@ar/http';
import { Page } from '@ar/pagination';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { toUserResponse, UserResponse } from './user.response';

@ApiTags('users')
@ApiBearerAuth()
@Idempotent()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(403, 409)
  @Post()
  @Roles('admin')
  async create(@Body() body: CreateUserDto): Promise<UserResponse> {
    return toUserResponse(await this.users.create(body));
  }

  @ApiPageResponse(UserResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<UserResponse>> {
    const page = await this.users.list(principal, query.limit, query.cursor);
    return { data: page.data.map(toUserResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<UserResponse> {
    return toUserResponse(await this.users.get(principal, id));
  }

  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(403, 404, 422)
  @Patch(':id')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update(principal, id, body));
  }
}
